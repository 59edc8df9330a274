/** The sign-in screen, as a user sees it. */
import type { Locator, Page } from 'playwright-core';
import type { DemoUser } from '../support/demo-users.ts';

export class SignInPage {
  readonly form: Locator;
  readonly heading: Locator;
  readonly name: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  /** The "offline: only users known on this device" hint. */
  readonly offlineHint: Locator;
  readonly localeSwitch: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('signin-form');
    this.heading = this.form.locator('h1');
    this.name = page.getByTestId('signin-name');
    this.password = page.getByTestId('signin-password');
    this.submit = page.getByTestId('signin-submit');
    this.error = page.getByTestId('signin-error');
    this.offlineHint = page.getByTestId('signin-offline');
    this.localeSwitch = page.getByTestId('locale-switch');
  }

  /** Opens the app at `baseUrl` and waits for the sign-in form. */
  static async open(page: Page, baseUrl: string): Promise<SignInPage> {
    await page.goto(`${baseUrl}/signin`);
    const signIn = new SignInPage(page);
    await signIn.waitUntilShown();
    return signIn;
  }

  async waitUntilShown(): Promise<void> {
    await this.name.waitFor();
  }

  async isShown(): Promise<boolean> {
    return this.form.isVisible();
  }

  async signIn(name: string, password: string): Promise<void> {
    await this.name.fill(name);
    await this.password.fill(password);
    await this.submit.click();
  }

  signInAs(user: DemoUser): Promise<void> {
    return this.signIn(user.name, user.password);
  }

  /** Waits for the error message and returns its text. */
  async errorText(): Promise<string> {
    await this.error.waitFor();
    return (await this.error.textContent()) ?? '';
  }

  async chooseLocale(locale: 'fr' | 'en'): Promise<void> {
    await this.localeSwitch.selectOption(locale);
  }
}
