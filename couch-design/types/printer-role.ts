/**
 * The institution's printer settings per device role (issue 14): which profile, paper, code
 * page and fallback a kiosk, reception, counter or cash-desk device uses when nobody chose
 * otherwise on the device itself (app/printing/printer-settings.ts, `appliedSettings`).
 */
import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { splitId } from '../ids/codes.ts';
import { CODE_PAGES, PROFILE_IDS, type CodePage, type PaperWidth } from './printer-profiles.ts';

export const PRINTER_ROLE = 'printer_role';
/** The job roles whose devices print (a display or a back office prints nothing on a receipt printer). */
export const PRINTER_ROLES = ['kiosk', 'reception', 'counter', 'cashier'] as const;
export type PrinterRole = (typeof PRINTER_ROLES)[number];
export const FALLBACK_OUTPUTS = ['dialog', 'pdf'] as const;
export type FallbackOutput = (typeof FALLBACK_OUTPUTS)[number];

export interface PrinterRoleDefaults extends BaseDoc {
  type: typeof PRINTER_ROLE;
  role: PrinterRole;
  /** One of PROFILES (types/printer-profiles.ts). */
  profile: string;
  paper: PaperWidth;
  codepage: CodePage;
  /** Where a receipt goes when no USB printer answers. */
  fallback: FallbackOutput;
  /** Opens the cash drawer after a receipt: cash desks only. */
  drawerKick: boolean;
  updatedBy?: string;
  updatedAt?: string;
}

export function printerRoleId(role: string): string {
  return 'printer:' + role;
}

export function parsePrinterRoleId(id: string): { role: PrinterRole } | null {
  const p = splitId(id, 'printer', 1);
  if (!p) return null;
  for (let i = 0; i < PRINTER_ROLES.length; i++) if (PRINTER_ROLES[i] === p[0]) return { role: PRINTER_ROLES[i]! };
  return null;
}

/** The printing role of a signed-in user's device (cash desk first: it is the one with a drawer), or null. */
export function printerRoleOf(roles: readonly string[]): PrinterRole | null {
  const order: readonly PrinterRole[] = ['cashier', 'counter', 'reception', 'kiosk'];
  for (let i = 0; i < order.length; i++) if (roles.indexOf(order[i]!) >= 0) return order[i]!;
  return null;
}

export function validatePrinterRole(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const role = c.oneOf('role', PRINTER_ROLES);
  c.oneOf('profile', PROFILE_IDS);
  if (doc.paper !== 58 && doc.paper !== 80) c.add('paper', doc.paper == null ? 'required' : 'bad_value');
  c.oneOf('codepage', CODE_PAGES);
  c.oneOf('fallback', FALLBACK_OUTPUTS);
  const drawer = c.bool('drawerKick');
  if (drawer === true && role !== undefined && role !== 'cashier') c.add('drawerKick', 'cashier_only');
  c.author('updatedBy', true);
  c.instant('updatedAt', doc.updatedBy == null);
  c.id(role && printerRoleId(role));
  return c.problems;
}
