import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uid } from '../../couch-design/ids/uid.ts';
import { validateForWrite } from '../../couch-design/validate/entry.ts';
import type { BackofficeRequest } from '../../couch-design/types/backoffice-request.ts';
import { addWorkingDays, dueDateFor, isDay } from './due-dates.ts';
import { applyMove, newRequest, nextStatuses, normalizeRequest, type NewRequestInput, type RequestActor } from './requests.ts';
import { isOverdue, worklist } from './worklist.ts';

const bo = { name: 'backoffice.dla', roles: ['backoffice', 'branch:dla'] };
const ctx: RequestActor & { branch: string; uid: string } = { agent: 'backoffice.dla', at: '2026-03-04T09:00:00.000Z', today: '2026-03-04', branch: 'dla', uid: uid(Date.UTC(2026, 2, 4, 9), 'bo1', 1) };
const input: NewRequestInput = { channel: 'letter', requester: 'authority', authority: 'Ministère du Travail', person: null, subject: 'Situation de M. Ékotto', message: 'Merci de nous indiquer…', dueDate: '2026-03-25', assignee: '' };
const made = () => {
  const r = newRequest(input, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};
const move = (doc: BackofficeRequest, m: Parameters<typeof applyMove>[1], c: RequestActor = ctx) => {
  const r = applyMove(doc, m, c);
  return r.ok ? r.doc : r;
};

describe('due dates', () => {
  it('counts working days from the channel: letter 15, counter 5, phone 3', () => {
    // Wednesday 4 March 2026.
    expect(dueDateFor('letter', '2026-03-04')).toBe('2026-03-25');
    expect(dueDateFor('counter', '2026-03-04')).toBe('2026-03-11');
    expect(dueDateFor('phone', '2026-03-06')).toBe('2026-03-11');
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
  });
  it('lands on a weekday n weekdays later, whatever the start', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
      const start = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      const end = addWorkingDays(start, n);
      let weekdays = 0;
      for (let t = Date.parse(start) + 86_400_000; t <= Date.parse(end); t += 86_400_000) if (![0, 6].includes(new Date(t).getUTCDay())) weekdays++;
      return weekdays === n && ![0, 6].includes(new Date(Date.parse(end)).getUTCDay());
    }));
  });
  it('tells a real day from a typed one', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});

describe('a request and its moves', () => {
  it('records a letter from an authority that the contract accepts', () => {
    const doc = made();
    expect(doc).toMatchObject({ channel: 'letter', requester: 'authority', authority: 'Ministère du Travail', status: 'new', dueSetOn: '2026-03-04' });
    expect(validateForWrite(doc, null, bo, 'branch')).toEqual([]);
  });
  it('refuses bad input with the field and the reason, building nothing', () => {
    expect(newRequest({ ...input, dueDate: '2026-03-03' }, ctx)).toEqual({ ok: false, field: 'dueDate', error: 'due_in_past' });
    expect(newRequest({ ...input, dueDate: '2026-02-31' }, ctx)).toEqual({ ok: false, field: 'dueDate', error: 'due_invalid' });
    expect(newRequest({ ...input, authority: '  ' }, ctx)).toEqual({ ok: false, field: 'authority', error: 'authority_required' });
    expect(newRequest({ ...input, requester: 'person' }, ctx)).toEqual({ ok: false, field: 'person', error: 'person_required' });
    expect(newRequest({ ...input, subject: '' }, ctx)).toEqual({ ok: false, field: 'subject', error: 'subject_required' });
  });
  it('take, note, answer, close: each revision accepted by the contract', () => {
    let doc = made();
    for (const m of [{ kind: 'take' }, { kind: 'note', text: 'Appelé le ministère' }, { kind: 'status', status: 'waiting_documents' }, { kind: 'answer', text: 'Dossier complet, paiement le 30.' }, { kind: 'close' }] as const) {
      const next = move(doc, m);
      if ('error' in next) throw new Error(`${m.kind}: ${next.error}`);
      expect(validateForWrite(next, { ...doc, _rev: '1-a' }, bo, 'branch'), m.kind).toEqual([]);
      doc = next;
    }
    expect(doc).toMatchObject({ status: 'closed', assignee: 'backoffice.dla', answer: 'Dossier complet, paiement le 30.', closedBy: 'backoffice.dla' });
    expect(doc.notes).toHaveLength(1);
  });
  it('an answer on a closed request, an empty answer, a due date in the past: refused', () => {
    const closed = move(made(), { kind: 'close' }) as BackofficeRequest;
    expect(move(closed, { kind: 'answer', text: 'Trop tard' })).toEqual({ ok: false, field: 'answer', error: 'closed' });
    expect(move(made(), { kind: 'answer', text: ' ' })).toEqual({ ok: false, field: 'answer', error: 'answer_required' });
    expect(move(made(), { kind: 'due', day: '2026-03-01' })).toEqual({ ok: false, field: 'dueDate', error: 'due_in_past' });
    const answered = move(made(), { kind: 'answer', text: 'Oui' }) as BackofficeRequest;
    expect(move(answered, { kind: 'status', status: 'in_progress' })).toEqual({ ok: false, field: 'status', error: 'bad_transition' });
    expect(nextStatuses('answered')).toEqual([]);
    expect(nextStatuses('new')).toEqual(['in_progress', 'waiting_documents']);
  });
  it('reads a request written before the register as a new counter request due in 5 working days', () => {
    const legacy = { ...made(), authority: undefined, person: 'person:1000123', status: 'open', channel: undefined, requester: undefined, dueDate: undefined, dueSetOn: undefined } as unknown as BackofficeRequest;
    expect(normalizeRequest(legacy)).toMatchObject({ status: 'new', channel: 'counter', requester: 'person', dueDate: '2026-03-11', dueSetOn: '2026-03-04' });
    const taken = move(legacy, { kind: 'take' }, { ...ctx, today: '2026-03-05' }) as BackofficeRequest;
    expect(validateForWrite(taken, { ...legacy, _rev: '1-a' }, bo, 'branch')).toEqual([]);
  });
});

describe('worklist', () => {
  const at = (n: number, fields: Partial<BackofficeRequest>): BackofficeRequest => ({ ...made(), _id: `borequest:2026-03-04:${n}`, requestedAt: `2026-03-04T0${n}:00:00.000Z`, ...fields });
  const list = [
    at(1, { dueDate: '2026-03-20', assignee: 'backoffice.dla' }),
    at(2, { dueDate: '2026-03-02', status: 'in_progress', assignee: 'backoffice.b' }),
    at(3, { dueDate: '2026-03-01', status: 'answered', answer: 'ok' }),
    at(4, { dueDate: '2026-03-02', status: 'closed' }),
    at(5, { dueDate: '2026-03-02', assignee: 'backoffice.dla' }),
  ];
  it('the team’s open requests by due date, overdue marked; an answered one is not overdue', () => {
    const team = worklist(list, { who: 'team', status: 'open' }, 'backoffice.dla', '2026-03-04');
    expect(team.map((w) => [w.request._id.slice(-1), w.overdue])).toEqual([['3', false], ['2', true], ['5', true], ['1', false]]);
  });
  it('mine, and by status', () => {
    expect(worklist(list, { who: 'mine', status: 'open' }, 'backoffice.dla', '2026-03-04').map((w) => w.request._id.slice(-1))).toEqual(['5', '1']);
    expect(worklist(list, { who: 'team', status: 'closed' }, 'backoffice.dla', '2026-03-04').map((w) => w.request._id.slice(-1))).toEqual(['4']);
    expect(isOverdue({ status: 'new', dueDate: '2026-03-04' }, '2026-03-04')).toBe(false);
  });
});
