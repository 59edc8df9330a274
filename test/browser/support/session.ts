/** CouchDB's session cookie as the browser holds it (read from the cookie jar: no request, no renewal). */
import type { BrowserContext } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The session token the browser would send, or null. Apache CouchDB answers sign-out with an
 * emptied cookie rather than a removed one: an empty value is no session.
 */
export async function sessionToken(context: BrowserContext): Promise<string | null> {
  const cookie = (await context.cookies()).find((c) => c.name === 'AuthSession');
  return cookie && cookie.value !== '' ? cookie.value : null;
}

export async function hasSessionCookie(context: BrowserContext): Promise<boolean> {
  return (await sessionToken(context)) !== null;
}

/** Waits for the answer to the sign-out's DELETE /_session to clear the cookie. */
export async function waitUntilSessionCookieGone(context: BrowserContext): Promise<void> {
  await expect.poll(() => hasSessionCookie(context), { timeout: 30_000 }).toBe(false);
}
