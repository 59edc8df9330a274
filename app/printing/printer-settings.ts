/**
 * This device's printer settings, kept in localStorage: they belong to the machine at the
 * counter (which printer is plugged in, its paper), not to a user or the database.
 */
import { CODE_PAGES, DEFAULT_PROFILE_ID, PROFILES, effectiveProfile, type CodePage, type PaperWidth, type PrinterProfile } from './profiles.ts';
import type { DeviceRef } from './usb-transport.ts';
import { type KeyValueStore, readJson, writeJson } from './storage.ts';

export const SETTINGS_KEY = 'fo.printer.settings';
export type FallbackOutput = 'dialog' | 'pdf';

export interface PrinterSettings {
  profile: string;
  paper: PaperWidth;
  codepage: CodePage;
  drawerKick: boolean;
  fallback: FallbackOutput;
  printer: DeviceRef | null;
}

export const DEFAULT_SETTINGS: PrinterSettings = {
  profile: DEFAULT_PROFILE_ID,
  paper: 80,
  codepage: 'windows1252',
  drawerKick: false,
  fallback: 'dialog',
  printer: null,
};

/** Stored settings, each field checked: a damaged or older entry falls back field by field. */
export function loadSettings(store: KeyValueStore): PrinterSettings {
  const raw = readJson<Partial<Record<keyof PrinterSettings, unknown>>>(store, SETTINGS_KEY) ?? {};
  const printer = raw.printer as DeviceRef | null | undefined;
  return {
    profile: PROFILES.some((p) => p.id === raw.profile) ? (raw.profile as string) : DEFAULT_SETTINGS.profile,
    paper: raw.paper === 58 || raw.paper === 80 ? raw.paper : DEFAULT_SETTINGS.paper,
    codepage: CODE_PAGES.includes(raw.codepage as CodePage) ? (raw.codepage as CodePage) : DEFAULT_SETTINGS.codepage,
    drawerKick: raw.drawerKick === true,
    fallback: raw.fallback === 'pdf' ? 'pdf' : 'dialog',
    printer: printer && typeof printer.vendorId === 'number' && typeof printer.productId === 'number' ? printer : null,
  };
}

export function saveSettings(store: KeyValueStore, settings: PrinterSettings): void {
  writeJson(store, SETTINGS_KEY, settings);
}

/** Choosing a model sets its paper and code page; the agent may still change them after. */
export function withProfile(settings: PrinterSettings, id: string): PrinterSettings {
  const profile = effectiveProfile(id);
  return { ...settings, profile: profile.id, paper: profile.paper, codepage: profile.codepage };
}

export function profileOf(settings: PrinterSettings): PrinterProfile {
  return effectiveProfile(settings.profile, settings.paper, settings.codepage);
}
