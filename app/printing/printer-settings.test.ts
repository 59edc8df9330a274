import { describe, expect, it } from 'vitest';
import type { PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, appliedSettings, loadSettings, printerRoleOf, profileOf, type PrinterSettings } from './printer-settings.ts';
import { memoryStore } from './storage.ts';

const kiosk58: PrinterRoleDefaults = { _id: 'printer:kiosk', type: 'printer_role', role: 'kiosk', profile: 'generic-58', paper: 58, codepage: 'cp858', fallback: 'pdf', drawerKick: false };
const paired = { vendorId: 0x04b8, productId: 0x0e28, name: 'EPSON TM-T20III' };
const stored = (value: unknown) => {
  const store = memoryStore();
  store.setItem(SETTINGS_KEY, JSON.stringify(value));
  return loadSettings(store);
};

describe('which printer settings apply', () => {
  it('a device with no choice of its own uses its role institution default, keeping its paired printer', () => {
    const local: PrinterSettings = { ...DEFAULT_SETTINGS, printer: paired };
    const { settings, source } = appliedSettings(local, kiosk58);
    expect(source).toBe('institution');
    expect(settings).toEqual({ own: false, profile: 'generic-58', paper: 58, codepage: 'cp858', fallback: 'pdf', drawerKick: false, printer: paired });
    expect(profileOf(settings).columns).toBe(32);
  });

  it("a device's own choice overrides the institution's", () => {
    const local: PrinterSettings = { ...DEFAULT_SETTINGS, own: true, profile: 'star-80', printer: paired };
    expect(appliedSettings(local, kiosk58)).toEqual({ settings: local, source: 'device' });
    expect(profileOf(appliedSettings(local, kiosk58).settings).columns).toBe(48);
  });

  it('without an institution default, the built-in one', () => {
    expect(appliedSettings({ ...DEFAULT_SETTINGS, printer: paired }, null)).toEqual({ settings: { ...DEFAULT_SETTINGS, printer: paired }, source: 'builtin' });
  });

  it('never kicks a drawer outside a cash desk, whatever the document says', () => {
    expect(appliedSettings(DEFAULT_SETTINGS, { ...kiosk58, drawerKick: true }).settings.drawerKick).toBe(false);
    expect(appliedSettings(DEFAULT_SETTINGS, { ...kiosk58, _id: 'printer:cashier', role: 'cashier', drawerKick: true }).settings.drawerKick).toBe(true);
  });

  it('reads a stored choice as own: explicitly, or (older entries) when any setup field was stored', () => {
    expect(stored({ printer: paired }).own).toBe(false);
    expect(stored({ fallback: 'pdf' }).own).toBe(true);
    expect(stored({ own: false, profile: 'star-80', printer: paired }).own).toBe(false);
    expect(stored({ own: true }).own).toBe(true);
    expect(loadSettings(memoryStore()).own).toBe(false);
  });

  it("a device's printing role: cash desk first, none for a display or the back office", () => {
    expect(printerRoleOf(['counter', 'cashier', 'branch:dla'])).toBe('cashier');
    expect(printerRoleOf(['kiosk', 'branch:dla'])).toBe('kiosk');
    expect(printerRoleOf(['display', 'branch:dla'])).toBeNull();
    expect(printerRoleOf(['backoffice', 'hq'])).toBeNull();
  });
});
