/**
 * The device's print jobs, newest first, bounded, in localStorage: what was printed, how,
 * what failed and why, with the receipt itself so a failed job can be retried and any job
 * reprinted as a duplicate.
 */
import type { Receipt, ReceiptKind } from './receipt-model.ts';
import type { PrintErrorCode } from './print-error.ts';
import { type KeyValueStore, readJson, writeJson } from './storage.ts';

export const JOBS_KEY = 'fo.printer.jobs';
export const MAX_JOBS = 50;

export type Via = 'usb' | 'dialog' | 'pdf';
export type JobStatus = 'printing' | 'printed' | 'failed' | 'reprinted';

export interface Attempt {
  at: string;
  via: Via;
  ok: boolean;
  duplicate: boolean;
  error?: PrintErrorCode;
  detail?: string;
}

export interface PrintJob {
  id: string;
  kind: ReceiptKind;
  summary: string;
  createdAt: string;
  status: JobStatus;
  receipt: Receipt;
  attempts: Attempt[];
}

/**
 * The status after an attempt. Only an attempt on the intended output counts (the USB
 * printer when one is paired, else the fallback): a PDF made because the printer died
 * mid-job keeps the job failed, so the agent sees it and can retry on the printer.
 */
export function statusAfter(job: PrintJob, attempt: Attempt, intended: boolean): JobStatus {
  if (!intended) return job.status === 'printing' ? 'failed' : job.status;
  if (!attempt.ok) return job.status === 'printing' ? 'failed' : job.status === 'printed' || job.status === 'reprinted' ? job.status : 'failed';
  return attempt.duplicate ? 'reprinted' : 'printed';
}

export interface JobLog {
  list(): PrintJob[];
  get(id: string): PrintJob | undefined;
  add(job: PrintJob): void;
  update(id: string, change: (job: PrintJob) => PrintJob): PrintJob | undefined;
}

export function createJobLog(store: KeyValueStore, max = MAX_JOBS): JobLog {
  // Memory is the truth for this page; storage is best effort (quota, private mode).
  let jobs = readJson<PrintJob[]>(store, JOBS_KEY) ?? [];
  const save = () => {
    jobs = jobs.slice(0, max);
    while (!writeJson(store, JOBS_KEY, jobs) && jobs.length > 1) jobs = jobs.slice(0, Math.ceil(jobs.length / 2));
  };
  return {
    list: () => jobs.slice(),
    get: (id) => jobs.find((j) => j.id === id),
    add(job) {
      jobs = [job, ...jobs.filter((j) => j.id !== job.id)];
      save();
    },
    update(id, change) {
      const job = jobs.find((j) => j.id === id);
      if (!job) return undefined;
      const next = change(job);
      jobs = jobs.map((j) => (j.id === id ? next : j));
      save();
      return next;
    },
  };
}
