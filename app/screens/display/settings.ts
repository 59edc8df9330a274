/**
 * This display's own settings, kept on the device (localStorage): the language it shows and
 * speaks, and whether it speaks the calls. A TV in a Douala branch may speak French while the
 * one upstairs speaks English; nobody signs in to change it, so it lives with the device.
 */
import type { Locale } from '../../i18n/translate.ts';

const KEY = 'fo.display.settings';

export interface DisplaySettings {
  readonly locale: Locale | null;
  readonly voice: boolean;
}

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = { locale: null, voice: true };

export function parseDisplaySettings(raw: string | null): DisplaySettings {
  try {
    const v = JSON.parse(raw ?? 'null') as { locale?: unknown; voice?: unknown } | null;
    if (!v || typeof v !== 'object') return DEFAULT_DISPLAY_SETTINGS;
    return { locale: v.locale === 'fr' || v.locale === 'en' ? v.locale : null, voice: typeof v.voice === 'boolean' ? v.voice : true };
  } catch {
    return DEFAULT_DISPLAY_SETTINGS;
  }
}

export function loadDisplaySettings(): DisplaySettings {
  try {
    return parseDisplaySettings(localStorage.getItem(KEY));
  } catch {
    return DEFAULT_DISPLAY_SETTINGS;
  }
}

export function saveDisplaySettings(settings: DisplaySettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // storage refused: the choice lasts until the page reloads
  }
}
