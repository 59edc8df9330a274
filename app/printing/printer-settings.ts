/**
 * This device's printer settings, kept in localStorage: they belong to the machine at the
 * counter (which printer is plugged in, its paper), not to a user or the database. Until
 * someone chooses a model, paper, code page, drawer or fallback on the device, the
 * institution's settings for the device's role apply (`printer_role` in fo_ref, issue 14).
 */
import { CODE_PAGES, DEFAULT_PROFILE_ID, PROFILES, effectiveProfile, type CodePage, type PaperWidth, type PrinterProfile } from './profiles.ts';
import type { DeviceRef } from './usb-transport.ts';
import { type KeyValueStore, readJson, writeJson } from './storage.ts';
import { printerRoleOf, type FallbackOutput, type PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';

export const SETTINGS_KEY = 'fo.printer.settings';
export type { FallbackOutput };

export interface PrinterSettings {
  /** The setup (profile, paper, code page, drawer, fallback) was chosen on this device: it overrides the institution's. */
  own: boolean;
  profile: string;
  paper: PaperWidth;
  codepage: CodePage;
  drawerKick: boolean;
  fallback: FallbackOutput;
  printer: DeviceRef | null;
}

export const DEFAULT_SETTINGS: PrinterSettings = {
  own: false,
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
  // Stored before `own` existed: any setup field stored there was someone's choice.
  const own = typeof raw.own === 'boolean' ? raw.own : SETUP_FIELDS.some((f) => raw[f] !== undefined);
  return {
    own,
    profile: PROFILES.some((p) => p.id === raw.profile) ? (raw.profile as string) : DEFAULT_SETTINGS.profile,
    paper: raw.paper === 58 || raw.paper === 80 ? raw.paper : DEFAULT_SETTINGS.paper,
    codepage: CODE_PAGES.includes(raw.codepage as CodePage) ? (raw.codepage as CodePage) : DEFAULT_SETTINGS.codepage,
    drawerKick: raw.drawerKick === true,
    fallback: raw.fallback === 'pdf' ? 'pdf' : 'dialog',
    printer: printer && typeof printer.vendorId === 'number' && typeof printer.productId === 'number' ? printer : null,
  };
}

const SETUP_FIELDS = ['profile', 'paper', 'codepage', 'drawerKick', 'fallback'] as const;

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

/** Where the settings in force come from: the device's own choice, its role's institution default, or the built-in default. */
export type SettingsSource = 'device' | 'institution' | 'builtin';

/**
 * The settings a print uses: the device's own choice when it made one; otherwise its role's
 * institution default (the printer paired on the device kept); otherwise the built-in default.
 */
export function appliedSettings(local: PrinterSettings, role: PrinterRoleDefaults | null): { settings: PrinterSettings; source: SettingsSource } {
  if (local.own) return { settings: local, source: 'device' };
  if (!role) return { settings: { ...DEFAULT_SETTINGS, printer: local.printer }, source: 'builtin' };
  const { profile, paper, codepage, fallback, drawerKick } = role;
  return { settings: { own: false, profile, paper, codepage, fallback, drawerKick: drawerKick && role.role === 'cashier', printer: local.printer }, source: 'institution' };
}

export { printerRoleOf };
