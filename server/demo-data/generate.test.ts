import { describe, expect, it } from 'vitest';
import { generateBranchOperationalDocs, generateDemoData } from './generate.ts';
import { validateDocUpdate, validateForWrite } from '../../couch-design/validate/entry.ts';
import { TYPE_SPECS } from '../../couch-design/types/registry.ts';

const SERVER_ADMIN = { name: 'admin', roles: ['_admin'] };

describe('demo data', () => {
  const data = generateDemoData();

  it('is deterministic and depends on the seed', () => {
    expect(JSON.stringify(generateDemoData())).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData(2).people)).not.toBe(JSON.stringify(data.people));
  });

  it('every document passes the validators of its database, ids are unique', () => {
    for (const [docs, kind] of [[data.ref, 'ref'], [data.people, 'people']] as const) {
      const ids = new Set(docs.map((d) => d._id));
      expect(ids.size).toBe(docs.length);
      for (const doc of docs) expect(validateDocUpdate(doc, null, SERVER_ADMIN, kind), doc._id).toEqual([]);
    }
    // The admin user of the demo may write the reference data, the back office the people;
    // an edit of reference data (but settings) names its editor (issue 14), the shipped ones name nobody.
    const admin = data.users.find((u) => u.name === 'admin.hq')!;
    const edited = (doc: (typeof data.ref)[number]) => (doc.type !== 'settings' ? { ...doc, updatedBy: admin.name, updatedAt: '2026-01-05T09:00:00.000Z' } : doc);
    for (const doc of data.ref) expect(validateForWrite(edited(doc), null, admin, 'ref')).toEqual([]);
  });

  it('gives each branch authorised payment orders its back office could have written, for persons its devices hold', () => {
    const homes = new Map(data.people.map((d) => [d._id, (d as unknown as Record<string, unknown>).branch]));
    for (const b of data.branches) {
      const orders = data.branchDocs[b.code]!;
      expect(orders.length).toBeGreaterThan(2);
      const backoffice = data.users.find((u) => u.name === `backoffice.${b.code}`)!;
      for (const doc of orders) {
        expect(validateForWrite(doc, null, backoffice, 'branch'), doc._id).toEqual([]);
        expect(homes.get(String((doc as unknown as Record<string, unknown>).beneficiary)), doc._id).toBe(b.code);
      }
    }
  });

  it('has the catalogue of the brief and persons of every kind', () => {
    const ids = new Set(data.ref.map((d) => d._id));
    for (const id of ['institution', 'branch:dla', 'branch:yde', 'counter:dla:C01', 'counter:yde:C08', 'doctype:0215', 'doctype:0314', 'event:daily_allowance'])
      expect(ids.has(id), id).toBe(true);
    const male = data.ref.find((d) => d._id === 'event:family_benefits_male') as unknown as { requiredDocuments: string[] };
    expect(male.requiredDocuments).toEqual(['0104', '0215', '0228']);
    expect(data.institution).toMatchObject({ currency: 'XAF', currencyDecimals: 0 });
    const kinds = new Map<string, number>();
    for (const d of data.people) if (d.type === 'person') kinds.set((d as unknown as { kind: string }).kind, (kinds.get((d as unknown as { kind: string }).kind) ?? 0) + 1);
    expect(kinds.get('insurant')).toBeGreaterThan(100);
    expect(kinds.get('employer')).toBeGreaterThan(10);
    expect(kinds.get('beneficiary')).toBeGreaterThan(10);
    expect(data.people.some((d) => d._id === 'person:415120')).toBe(true);
    const types = new Set([...data.ref, ...data.people].map((d) => d.type));
    // Branch documents and scans are made by the branches' work, not shipped as demo data; nor the reference data's change log, made by edits.
    for (const spec of TYPE_SPECS.filter((s) => (s.db === 'ref' || s.db === 'people') && s.type !== 'ref_change')) expect(types.has(spec.type), spec.type).toBe(true);
  });

  it('has one user per job role per branch, plus head office', () => {
    const names = data.users.map((u) => u.name);
    expect(names).toContain('counter.dla');
    expect(names).toContain('cashier.yde');
    expect(names).toContain('supervisor.hq');
    expect(data.users.find((u) => u.name === 'admin.hq')!.roles).toEqual(['admin', 'hq']);
    expect(data.users.find((u) => u.name === 'kiosk.dla')).toEqual({ name: 'kiosk.dla', password: 'demo-kiosk', roles: ['kiosk', 'branch:dla'] });
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('operational documents for benchmarks', () => {
  it('are valid, unique, deterministic and written by the right roles', () => {
    const docs = generateBranchOperationalDocs('dla', 900, 7);
    expect(docs.filter((d) => d.type === 'ticket')).toHaveLength(900);
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
    expect(JSON.stringify(generateBranchOperationalDocs('dla', 900, 7))).toBe(JSON.stringify(docs));
    for (const d of docs) expect(validateDocUpdate(d, null, SERVER_ADMIN, 'branch'), d._id).toEqual([]);
    // Each written by the user it names (authors must be the writer), with the roles of the desk.
    const desk = { roles: ['kiosk', 'counter', 'cashier', 'branch:dla'], db: 'fo_branch_dla' };
    for (const d of docs) expect(validateDocUpdate(d, null, { ...desk, name: String(d.agent) }, 'branch'), d._id).toEqual([]);
  });
});
