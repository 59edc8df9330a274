import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Counter } from '../../couch-design/types/counter.ts';
import type { Service } from '../../couch-design/types/service.ts';
import { validateStructure } from '../../couch-design/validate/structure.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import {
  changedFields,
  counterFromDraft,
  counterProblems,
  draftOfCounter,
  draftOfService,
  normaliseCounter,
  normaliseService,
  refChangeOf,
  serviceFromDraft,
  serviceProblems,
  unservedServices,
  withService,
} from './ref-rules.ts';

const edit = { by: 'admin.hq', at: '2026-01-05T09:00:00.000Z' };
const svc = (code: string, series: string, active = true): Service => ({
  _id: 'service:' + code, type: 'service', code, name: { fr: code, en: code }, series, targetWaitMinutes: 15, cashDesk: false, active,
});
const ctr = (code: string, services: string[], active = true): Counter => ({
  _id: 'counter:dla:' + code, type: 'counter', branch: 'dla', code, label: 'Guichet', cashDesk: false, services, active,
});
const services = [svc('family', 'F'), svc('cash', 'C'), svc('old', 'O', false)];
const draft = (over: Partial<ReturnType<typeof draftOfService>> = {}) => normaliseService({ ...draftOfService(null), code: 'early', nameFr: 'Anticipées', nameEn: 'Early', series: 'r', ...over });

describe('service drafts', () => {
  it('accepts a good new service, its letter upper-cased', () => {
    expect(draft().series).toBe('R');
    expect(serviceProblems(draft(), services, true)).toEqual([]);
  });

  it('refuses a letter another service holds, even a deactivated one, but not its own', () => {
    expect(serviceProblems(draft({ series: 'f' }), services, true)).toEqual([{ field: 'series', code: 'series_taken' }]);
    expect(serviceProblems(draft({ series: 'O' }), services, true)).toEqual([{ field: 'series', code: 'series_taken' }]);
    expect(serviceProblems(normaliseService(draftOfService(services[0]!)), services, false)).toEqual([]);
  });

  it('says everything wrong at once', () => {
    const bad = draft({ code: 'Family!', nameFr: ' ', nameEn: 'x'.repeat(201), series: 'AB', targetWaitMinutes: '-3' });
    expect(serviceProblems(bad, services, true).map((p) => `${p.field}:${p.code}`)).toEqual(['code:bad_format', 'nameFr:required', 'nameEn:too_long', 'series:bad_format', 'targetWaitMinutes:bad_format']);
    expect(serviceProblems(draft({ code: 'family', series: 'Z' }), services, true)).toEqual([{ field: 'code', code: 'code_taken' }]);
    expect(serviceProblems(draft({ targetWaitMinutes: '1441' }), services, true)).toEqual([{ field: 'targetWaitMinutes', code: 'too_large' }]);
  });

  it('builds a document the contract accepts, whatever good draft', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9_]{0,23}$/), fc.constantFrom(...'ABDEGHIJ'), fc.integer({ min: 0, max: 1440 }), fc.boolean(), (code, series, wait, cash) => {
        const d = draft({ code, series, targetWaitMinutes: String(wait), cashDesk: cash });
        if (serviceProblems(d, services, true).length) return;
        expect(validateStructure(serviceFromDraft(d, null, edit), 'ref')).toEqual([]);
      }),
    );
  });
});

describe('counter drafts', () => {
  const counters = [ctr('C01', ['family'])];
  it('refuses a code that exists in the branch, and bad codes and labels', () => {
    const d = normaliseCounter({ ...draftOfCounter(null), code: 'c01', label: 'Guichet 1' });
    expect(counterProblems(d, counters, true)).toEqual([{ field: 'code', code: 'code_taken' }]);
    expect(counterProblems(d, counters, false)).toEqual([]);
    expect(counterProblems(normaliseCounter({ ...d, code: 'C 9', label: '' }), counters, true).map((p) => p.code)).toEqual(['bad_format', 'required']);
  });

  it('keeps the matrix row of an edited counter, starts a new one empty', () => {
    const d = normaliseCounter({ code: 'C01', label: 'Guichet un', cashDesk: false, active: false });
    const edited = counterFromDraft(d, 'dla', counters[0]!, edit);
    expect(edited.services).toEqual(['family']);
    expect(edited.active).toBe(false);
    expect(counterFromDraft({ ...d, code: 'C09' }, 'dla', null, edit).services).toEqual([]);
    expect(validateStructure(edited, 'ref')).toEqual([]);
  });
});

describe('the service matrix', () => {
  it('ticks and unticks in the services order', () => {
    const order = ['family', 'pension', 'cash'];
    expect(withService(ctr('C01', ['cash']), 'family', true, order)).toEqual(['family', 'cash']);
    expect(withService(ctr('C01', ['cash', 'family']), 'cash', false, order)).toEqual(['family']);
  });

  it('warns of active services no active counter serves', () => {
    const counters = [ctr('C01', ['family']), ctr('C02', ['cash'], false)];
    expect(unservedServices(services, counters).map((s) => s.code)).toEqual(['cash']);
    expect(unservedServices(services, [...counters, ctr('C03', ['cash'])])).toEqual([]);
  });
});

describe('the change log', () => {
  it('keeps before and after without revisions, and what changed', () => {
    const before = { ...ctr('C01', ['family']), _rev: '3-a' };
    const after = { ...before, services: ['family', 'cash'], updatedBy: 'supervisor.dla', updatedAt: edit.at };
    const log = refChangeOf(before, after, { ...edit, by: 'supervisor.dla' }, uid(Date.UTC(2026, 0, 5), 'a1', 1));
    expect(log.before).not.toHaveProperty('_rev');
    expect(log.after).not.toHaveProperty('_rev');
    expect(log.branch).toBe('dla');
    expect(validateStructure(log, 'ref')).toEqual([]);
    expect(changedFields(before, after)).toEqual(['services']);
    expect(changedFields(before, { ...before, updatedBy: 'x' })).toEqual([]);
  });

  it("keeps the institution logo as what it is, not its bytes: the entry stays a small, valid document", () => {
    const institution = { _id: 'institution', type: 'institution', name: 'CNPS', currency: 'XAF', currencyDecimals: 0, defaultLocale: 'fr', updatedBy: 'admin.hq', updatedAt: edit.at } as const;
    const logo = { content_type: 'image/png', data: 'A'.repeat(136_000) };
    const log = refChangeOf({ ...institution, _rev: '2-a' } as never, { ...institution, _attachments: { logo } } as never, { ...edit, by: 'admin.hq' }, uid(Date.UTC(2026, 0, 5), 'a1', 2));
    expect((log.after as { _attachments: unknown })._attachments).toEqual({ logo: { content_type: 'image/png', length: 102_000, stub: true } });
    expect(JSON.stringify(log).length).toBeLessThan(2_000);
    expect(validateStructure(log, 'ref')).toEqual([]);
  });
});
