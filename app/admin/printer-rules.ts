/**
 * The institution's printer per device role (issue 14) as the administration edits it: a
 * draft per role, its problems, and the `printer_role` document it makes. Pure; the contract
 * (types/printer-role.ts) judges the write again on the server.
 */
import { CODE_PAGES, DEFAULT_PROFILE_ID, PROFILE_IDS, findProfile, type CodePage } from '../printing/profiles.ts';
import { FALLBACK_OUTPUTS, printerRoleId, type FallbackOutput, type PrinterRole, type PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';
import type { Edit, RefProblem } from './ref-rules.ts';

export interface PrinterDraft {
  profile: string;
  paper: '58' | '80';
  codepage: CodePage;
  fallback: FallbackOutput;
  drawerKick: boolean;
}

/** The stored settings of a role, or the built-in defaults (with the drawer kick at cash desks) when it has none yet. */
export function draftOfPrinterRole(role: PrinterRole, doc: PrinterRoleDefaults | null): PrinterDraft {
  if (doc) return { profile: doc.profile, paper: doc.paper === 58 ? '58' : '80', codepage: doc.codepage, fallback: doc.fallback, drawerKick: doc.drawerKick };
  const p = findProfile(DEFAULT_PROFILE_ID);
  return { profile: p.id, paper: p.paper === 58 ? '58' : '80', codepage: p.codepage, fallback: 'dialog', drawerKick: role === 'cashier' };
}

/** Choosing a model sets its paper and code page, as on a device; they may still be changed after. */
export function withPrinterProfile(d: PrinterDraft, id: string): PrinterDraft {
  const p = findProfile(id);
  return { ...d, profile: id, paper: p.paper === 58 ? '58' : '80', codepage: p.codepage };
}

export function printerRoleProblems(role: PrinterRole, d: PrinterDraft): RefProblem[] {
  const out: RefProblem[] = [];
  if (!(PROFILE_IDS as readonly string[]).includes(d.profile)) out.push({ field: 'profile', code: 'bad_value' });
  if (d.paper !== '58' && d.paper !== '80') out.push({ field: 'paper', code: 'bad_value' });
  if (!CODE_PAGES.includes(d.codepage)) out.push({ field: 'codepage', code: 'bad_value' });
  if (!FALLBACK_OUTPUTS.includes(d.fallback)) out.push({ field: 'fallback', code: 'bad_value' });
  if (d.drawerKick && role !== 'cashier') out.push({ field: 'drawerKick', code: 'cashier_only' });
  return out;
}

export function printerRoleFromDraft(role: PrinterRole, d: PrinterDraft, previous: PrinterRoleDefaults | null, edit: Edit): PrinterRoleDefaults {
  return {
    ...(previous ?? {}),
    _id: printerRoleId(role),
    type: 'printer_role',
    role,
    profile: d.profile,
    paper: d.paper === '58' ? 58 : 80,
    codepage: d.codepage,
    fallback: d.fallback,
    drawerKick: d.drawerKick,
    updatedBy: edit.by,
    updatedAt: edit.at,
  };
}
