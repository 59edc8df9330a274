/** What surrounds every signed-in screen: the role screen, header, guard notice and sync indicator. */
import type { Locator, Page } from 'playwright-core';
import { SignInPage } from './sign-in-page.ts';

export type SyncState = 'online' | 'offline' | 'syncing' | 'error';

export class SyncIndicator {
  readonly root: Locator;
  readonly last: Locator;
  readonly pending: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('sync-indicator');
    this.last = page.getByTestId('sync-last');
    this.pending = page.getByTestId('sync-pending');
    this.error = page.getByTestId('sync-error');
  }

  state(): Promise<string | null> {
    return this.root.getAttribute('data-state');
  }

  /** Waits until the indicator shows `state` (the condition, not a delay). */
  async waitFor(state: SyncState, timeout = 30_000): Promise<void> {
    await this.page.locator(`[data-testid="sync-indicator"][data-state="${state}"]`).waitFor({ timeout });
  }

  async lastText(): Promise<string> {
    return (await this.last.textContent()) ?? '';
  }

  async errorText(): Promise<string> {
    await this.error.waitFor();
    return (await this.error.textContent()) ?? '';
  }

  async dismissError(): Promise<void> {
    await this.error.getByRole('button').click();
  }
}

export class FirstSync {
  readonly root: Locator;
  readonly count: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('first-sync');
    this.count = page.getByTestId('first-sync-count');
  }
}

export class Shell {
  readonly sync: SyncIndicator;
  readonly firstSync: FirstSync;
  readonly guardNotice: Locator;
  readonly headerUser: Locator;
  readonly headerBranch: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.sync = new SyncIndicator(page);
    this.firstSync = new FirstSync(page);
    this.guardNotice = page.getByTestId('guard-notice');
    this.headerUser = page.getByTestId('header-user');
    this.headerBranch = page.getByTestId('header-branch');
    this.signOutButton = page.getByTestId('signout');
  }

  /** The role screen, `screen-<role>` (e.g. 'counter', 'cashier'). */
  screen(role: string): Locator {
    return this.page.getByTestId(`screen-${role}`);
  }

  async waitForScreen(role: string, timeout?: number): Promise<void> {
    await this.screen(role).waitFor(timeout === undefined ? undefined : { timeout });
  }

  path(): string {
    return new URL(this.page.url()).pathname;
  }

  async goTo(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(baseUrl + path);
  }

  async signOut(): Promise<SignInPage> {
    await this.signOutButton.click();
    const signIn = new SignInPage(this.page);
    await signIn.waitUntilShown();
    return signIn;
  }
}
