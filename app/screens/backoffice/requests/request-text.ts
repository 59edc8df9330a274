/** How a request is said on screen: its requester, its dates, the tone of its status. */
import type { BackofficeRequest, RequestStatus } from '../../../../couch-design/types/backoffice-request.ts';
import type { Tone } from '../../../ui/StatusChip.tsx';
import type { Translate } from '../../../i18n/reasons.ts';

export function requesterLabel(t: Translate, r: Pick<BackofficeRequest, 'requester' | 'authority' | 'person'>): string {
  if (r.requester === 'authority') return r.authority ?? '';
  return t('req.requester.number', { number: (r.person ?? '').slice('person:'.length) });
}

/** 2026-03-25 → 25/03/2026, as the brief's screens write dates. */
export function shortDay(day: string): string {
  return day.split('-').reverse().join('/');
}

const TONES: Readonly<Record<RequestStatus, Tone>> = { new: 'info', in_progress: 'neutral', waiting_documents: 'warn', answered: 'ok', closed: 'neutral' };

export function statusTone(status: RequestStatus): Tone {
  return TONES[status];
}
