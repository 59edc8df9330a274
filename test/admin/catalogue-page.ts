/** The admin screen's Institution and Catalogue sections, as a user sees them (issue 14). */
import type { Locator, Page } from 'playwright-core';

const WAIT = { timeout: 60_000 };

export class CataloguePage {
  constructor(readonly page: Page) {}

  async section(name: 'institution' | 'catalogue'): Promise<void> {
    await this.page.getByTestId(`admin-tab-${name}`).click();
    await this.page.getByTestId(name === 'catalogue' ? 'ref-doctypes-list' : 'ref-cash-panel').waitFor(WAIT);
  }

  async tab(name: 'doctypes' | 'events' | 'certtypes'): Promise<void> {
    await this.page.getByTestId(`catalogue-tab-${name}`).click();
    await this.page.getByTestId(`ref-${name}-list`).waitFor(WAIT);
  }

  row(kind: 'doctype' | 'event' | 'certtype' | 'branch', code: string): Locator {
    return this.page.getByTestId(`ref-${kind}-${code}`);
  }

  async fillDocumentType(d: { code: string; fr: string; en: string; validity: string }): Promise<void> {
    await this.page.getByTestId('ref-doctype-code').fill(d.code);
    await this.page.getByTestId('ref-doctype-name-fr').fill(d.fr);
    await this.page.getByTestId('ref-doctype-name-en').fill(d.en);
    await this.page.getByTestId('ref-doctype-validity').fill(d.validity);
  }

  async fillEvent(e: { code: string; fr: string; en: string; documents: string[] }): Promise<void> {
    await this.page.getByTestId('ref-event-code').fill(e.code);
    await this.page.getByTestId('ref-event-name-fr').fill(e.fr);
    await this.page.getByTestId('ref-event-name-en').fill(e.en);
    for (const code of e.documents) await this.page.getByTestId(`ref-event-doc-${code}`).check();
  }

  /** Waits for `testId` to show a text containing `text`. */
  async says(testId: string, text: string): Promise<void> {
    await this.page.getByTestId(testId).filter({ hasText: text }).waitFor(WAIT);
  }
}
