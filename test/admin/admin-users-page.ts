/** The admin screen's Users section and the forced password change, as a user sees them. */
import type { Locator, Page } from 'playwright-core';

export class AdminUsersPage {
  readonly screen: Locator;
  readonly message: Locator;
  readonly createErrors: Locator;
  readonly handoverPassword: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('screen-admin');
    this.message = page.getByTestId('admin-users-message');
    this.createErrors = page.getByTestId('admin-create-errors');
    this.handoverPassword = page.getByTestId('admin-handover-password');
  }

  row(name: string): Locator {
    return this.page.getByTestId(`admin-user-${name}`);
  }

  /** Opens the create form (a clean one each time). */
  async openCreate(): Promise<void> {
    await this.page.getByTestId('admin-create-open').click();
    await this.page.getByTestId('admin-create-name').waitFor();
  }

  async fillCreate(user: { name: string; displayName?: string; roles: string[]; place: string; password: string }): Promise<void> {
    await this.page.getByTestId('admin-create-name').fill(user.name);
    await this.page.getByTestId('admin-create-display').fill(user.displayName ?? '');
    for (const role of user.roles) await this.page.getByTestId(`admin-create-role-${role}`).check();
    await this.page.getByTestId('admin-create-place').selectOption(user.place);
    await this.page.getByTestId('admin-create-password').fill(user.password);
  }

  async submitCreate(): Promise<void> {
    await this.page.getByTestId('admin-create-submit').click();
  }

  async toggle(name: string): Promise<void> {
    await this.page.getByTestId(`admin-toggle-${name}`).click();
  }

  async filter(text: string): Promise<void> {
    await this.page.getByTestId('admin-filter-text').fill(text);
  }
}

export class ChangePasswordPage {
  readonly form: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('change-password-form');
    this.error = page.getByTestId('change-password-error');
  }

  async submit(current: string, next: string, repeat: string): Promise<void> {
    await this.page.getByTestId('change-password-current').fill(current);
    await this.page.getByTestId('change-password-new').fill(next);
    await this.page.getByTestId('change-password-repeat').fill(repeat);
    await this.page.getByTestId('change-password-submit').click();
  }
}
