/** The admin screen's Devices section and a device's enrolment screen, as their users see them. */
import type { Locator, Page } from 'playwright-core';

export class AdminDevicesPage {
  readonly section: Locator;
  readonly code: Locator;
  readonly url: Locator;
  readonly qr: Locator;
  readonly errors: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('admin-devices');
    this.code = page.getByTestId('admin-device-code');
    this.url = page.getByTestId('admin-device-url');
    this.qr = page.getByTestId('admin-device-qr');
    this.errors = page.getByTestId('admin-device-errors');
    this.message = page.getByTestId('admin-devices-message');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('admin-tab-devices').click();
    await this.section.waitFor();
    await this.page.getByTestId('admin-device-create-open').and(this.page.locator(':enabled')).waitFor();
  }

  async createCode(request: { branch: string; role: 'kiosk' | 'display'; label: string }): Promise<void> {
    await this.page.getByTestId('admin-device-create-open').click();
    await this.page.getByTestId('admin-device-branch').selectOption(request.branch);
    await this.page.getByTestId(`admin-device-role-${request.role}`).check();
    await this.page.getByTestId('admin-device-label').fill(request.label);
    await this.page.getByTestId('admin-device-submit').click();
  }

  /** The row of the device with this label. */
  row(label: string): Locator {
    return this.page.locator(`[data-testid^="admin-device-device."][data-label="${label}"]`);
  }
}

export class EnrolPage {
  readonly form: Locator;
  readonly error: Locator;
  readonly revoked: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('enrol-form');
    this.error = page.getByTestId('enrol-error');
    this.revoked = page.getByTestId('enrol-revoked');
  }

  async enrol(code: string): Promise<void> {
    await this.page.getByTestId('enrol-code').fill(code);
    await this.page.getByTestId('enrol-submit').click();
  }
}
