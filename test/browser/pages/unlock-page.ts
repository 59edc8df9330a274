/** The short unlock of a staff device restarted without the server (issue 9 item 10). */
import type { Locator, Page } from 'playwright-core';

export class UnlockPage {
  readonly form: Locator;
  readonly user: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly other: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('unlock-form');
    this.user = page.getByTestId('unlock-user');
    this.password = page.getByTestId('unlock-password');
    this.submit = page.getByTestId('unlock-submit');
    this.error = page.getByTestId('unlock-error');
    this.other = page.getByTestId('unlock-other');
  }

  async waitUntilShown(): Promise<void> {
    await this.password.waitFor();
  }

  async unlock(password: string): Promise<void> {
    await this.password.fill(password);
    await this.submit.click();
  }
}
