/** The admin screen's Services and Counters sections, as a user sees them. */
import type { Locator, Page } from 'playwright-core';

export class RefDataPage {
  constructor(readonly page: Page) {}

  async section(name: 'services' | 'counters'): Promise<void> {
    await this.page.getByTestId(`admin-tab-${name}`).click();
    await this.page.getByTestId(`ref-${name}-list`).waitFor({ timeout: 60_000 });
  }

  serviceRow(code: string): Locator {
    return this.page.getByTestId(`ref-service-${code}`);
  }

  counterRow(code: string): Locator {
    return this.page.getByTestId(`ref-counter-${code}`);
  }

  async fillService(s: { code: string; fr: string; en: string; series: string; wait: string }): Promise<void> {
    await this.page.getByTestId('ref-service-code').fill(s.code);
    await this.page.getByTestId('ref-service-name-fr').fill(s.fr);
    await this.page.getByTestId('ref-service-name-en').fill(s.en);
    await this.page.getByTestId('ref-service-series').fill(s.series);
    await this.page.getByTestId('ref-service-wait').fill(s.wait);
  }

  async fillCounter(c: { code: string; label: string }): Promise<void> {
    await this.page.getByTestId('ref-counter-code').fill(c.code);
    await this.page.getByTestId('ref-counter-label').fill(c.label);
  }

  cell(counter: string, service: string): Locator {
    return this.page.getByTestId(`ref-matrix-${counter}-${service}`);
  }
}
