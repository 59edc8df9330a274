/**
 * The app build's dictionaries (vite.config.ts puts this module in place of dictionaries.ts):
 * each language is cut into parts by key prefix (parts.ts), each part its own chunk. The
 * shell's part comes first; a role's screen awaits its own parts (`loadParts` in
 * RoleScreen.tsx), in the languages shown so far; a language switch (`loadLocale`) fetches
 * every part wanted so far in the new language. All are precached for offline use.
 *
 * A key whose part is not here yet is a bug the completeness test (test/message-parts.test.ts)
 * is there to prevent; should one slip through, the text is "…" (never the key, never the other
 * language), a warning names the key, and the text follows once its part arrives (a signal).
 */
import { createSignal } from 'solid-js';
import { LOADERS } from 'virtual:fo-message-parts';
import type { MessageKey, Messages } from './fr.ts';
import { SHELL_PARTS, partOf, type Part } from './parts.ts';

type Locale = 'fr' | 'en';
const loaded: Record<Locale, Partial<Messages>> = { fr: {}, en: {} };
const done = new Set<string>();
const loading = new Map<string, Promise<void>>();
/** The parts asked for so far, fetched in every language shown. */
const wanted = new Set<Part>(SHELL_PARTS);
const shown = new Set<Locale>();
const warned = new Set<string>();
// Bumped when a part arrives: a text shown as "…" is read again.
const [arrivals, setArrivals] = createSignal(0);

function loadPart(locale: Locale, part: Part): Promise<void> {
  const id = `${locale}:${part}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = LOADERS[locale][part]().then(
      (messages) => {
        Object.assign(loaded[locale], messages);
        done.add(id);
        setArrivals((n) => n + 1);
      },
      (error: unknown) => {
        loading.delete(id); // a failed fetch may work next time
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/** The text of `key` in `locale`; "…" while its part is missing (see above). */
export function message(locale: Locale, key: MessageKey): string {
  const text = loaded[locale][key];
  if (text !== undefined) return text;
  arrivals();
  const part = partOf(key);
  if (!warned.has(`${locale}:${key}`)) {
    warned.add(`${locale}:${key}`);
    console.warn(`[i18n] "${key}" shown before its part (${part ?? 'none'}, ${locale}) was loaded`);
  }
  if (part) void loadPart(locale, part).catch(() => undefined);
  return '…';
}

/** Whether `key` is a message, as far as the parts here tell (they have the same keys in both languages). */
export function hasMessage(key: string): boolean {
  return key in loaded.fr || key in loaded.en;
}

/** Whether every part asked for so far is here in `locale`. */
export function hasLocale(locale: Locale): boolean {
  return [...wanted].every((part) => done.has(`${locale}:${part}`));
}

/** Shows `locale`: fetches every part asked for so far in it. */
export async function loadLocale(locale: Locale): Promise<void> {
  shown.add(locale);
  await Promise.all([...wanted].map((part) => loadPart(locale, part)));
}

/** A screen or feature needs these parts: fetched in every language shown (and in any shown later). */
export async function loadParts(parts: readonly Part[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  await Promise.all([...shown].flatMap((locale) => parts.map((part) => loadPart(locale, part))));
}
