/** The supervisor screen as a test sees it: the live board's rows and the reports tab. */
import type { Download, Locator, Page } from 'playwright-core';
import { waitFor } from '../../support/wait-for.ts';

export class SupervisorPage {
  readonly board: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId('supervisor-board');
  }

  service(code: string): Locator {
    return this.page.getByTestId(`board-service-${code}`);
  }

  counter(code: string): Locator {
    return this.page.getByTestId(`board-counter-${code}`);
  }

  async number(row: Locator, attr: string): Promise<number> {
    return Number(await row.getAttribute(attr));
  }

  /** Waits until the row's attribute reads `value` (the board updates from replication). */
  async waitForAttr(row: Locator, attr: string, value: string, ms: number): Promise<void> {
    await waitFor(`${attr}=${value}`, async () => ((await row.getAttribute(attr)) === value ? true : null), ms);
  }

  async openReports(): Promise<void> {
    await this.page.getByTestId('supervisor-tab-reports').click();
    await this.page.getByTestId('supervisor-reports').waitFor();
  }

  /** Runs a one-day report and returns the cells of its total row as shown. */
  async runReport(day: string): Promise<string[]> {
    await this.page.getByTestId('report-period').selectOption('day');
    await this.page.getByTestId('report-date').fill(day);
    await this.page.getByTestId('report-run').click();
    const row = this.page.getByTestId('report-table-total').locator('tbody tr').first();
    const shown = this.page.getByTestId('report-table-total').or(this.page.getByTestId('report-error')).or(this.page.getByTestId('report-empty'));
    await shown.first().waitFor({ timeout: 60_000 });
    // A refusal or an empty report fails here with what the screen said.
    if (!(await row.isVisible())) throw new Error(`no report: ${await this.page.getByTestId('supervisor-reports').textContent()}`);
    return row.locator('th, td').allTextContents();
  }

  /**
   * Runs a custom-period report and waits (up to `ms`) for what the screen answers: the
   * report, an empty report, a load error or a refused period. Returns that answer's test id.
   */
  async runCustomReport(from: string, to: string, ms = 60_000): Promise<string> {
    await this.page.getByTestId('report-period').selectOption('custom');
    await this.page.getByTestId('report-from').fill(from);
    await this.page.getByTestId('report-to').fill(to);
    await this.page.getByTestId('report-run').click();
    const answers = ['report', 'report-empty', 'report-error', 'report-period-error'];
    const shown = this.page.locator(answers.map((id) => `[data-testid="${id}"]`).join(', '));
    await shown.first().waitFor({ timeout: ms });
    for (const id of answers.reverse()) if ((await this.page.getByTestId(id).count()) > 0) return id;
    throw new Error('the answer went away');
  }

  async download(testId: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return download;
  }
}
