/** The admin screen's Imports section, as an administrator uses it. */
import type { Locator, Page } from 'playwright-core';

const LONG = { timeout: 300_000 };

export class AdminImportsPage {
  readonly job: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.job = page.getByTestId('imports-job');
    this.problems = page.getByTestId('imports-problems');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('admin-tab-imports').click();
    await this.page.getByTestId('admin-imports').waitFor();
  }

  /** Chooses the kind and the file (a path, or bytes with a name). */
  async choose(kind: string, file: string | { name: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('imports-kind').selectOption(kind);
    await this.page.getByTestId('imports-file').setInputFiles(typeof file === 'string' ? file : { ...file, mimeType: 'text/csv' });
  }

  /** Checks the chosen file and waits for the outcome: 'ready' (preview), 'refused' or 'failed'. */
  async check(): Promise<string> {
    await this.page.getByTestId('imports-check').click();
    await this.page.locator('[data-testid="imports-job"]:is([data-phase="ready"], [data-phase="refused"], [data-phase="failed"])').waitFor(LONG);
    return (await this.job.getAttribute('data-phase'))!;
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('imports-confirm').click();
    await this.page.locator('[data-testid="imports-job"]:is([data-phase="done"], [data-phase="failed"])').waitFor(LONG);
  }

  /** The lines the error report names, in order. */
  async problemLines(): Promise<number[]> {
    const heads = await this.problems.locator('tbody th').allTextContents();
    return heads.map(Number);
  }

  another(): Promise<void> {
    return this.page.getByTestId('imports-another').click();
  }
}
