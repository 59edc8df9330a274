/**
 * A scan of one submitted paper (issue 10): one document per paper, its image or PDF as the
 * only attachment, in the branch's scans database (databases.ts `scansDb`). Immutable like the
 * submission that names it (Submission.documents[i].scan).
 */
import type { BaseDoc } from './base.ts';
import type { BranchFields } from './branch-common.ts';

export const SCAN = 'scan';

export interface Scan extends BaseDoc, BranchFields {
  type: typeof SCAN;
  /** The submission's id (submission:<day>:<uid>). */
  submission: string;
  /** The paper's document-type code (0104). */
  code: string;
  agent: string;
  at: string;
}

/** One scan per paper of a submission: the submission's day and uid, then the paper's code. */
export function scanId(day: string, uid: string, code: string): string {
  return `scan:${day}:${uid}:${code}`;
}
