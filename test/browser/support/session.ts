/** CouchDB's session cookie as the browser holds it (read from the cookie jar: no request, no renewal). */
import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';

export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((c) => c.name === 'AuthSession');
}

/** Waits for the answer to the sign-out's DELETE /_session to clear the cookie. */
export async function waitUntilSessionCookieGone(context: BrowserContext): Promise<void> {
  await expect.poll(() => hasSessionCookie(context), { timeout: 10_000 }).toBe(false);
}
