/** The data layer's error shapes: one class per thing a caller may want to handle. */

import type { Problem } from '../../couch-design/validate/problems.ts';

export type { Problem };

/** The document was changed elsewhere (HTTP 409): reload it and try again. */
export class ConflictError extends Error {
  readonly code = 'conflict';
  constructor(readonly docId: string, cause: unknown) {
    super(`conflict on ${docId}`, { cause });
    this.name = 'ConflictError';
  }
}

/** The validate hook refused the write; nothing was written. */
export class ValidationError extends Error {
  readonly code = 'invalid';
  constructor(readonly docId: string, readonly problems: readonly Problem[]) {
    super(`invalid ${docId}: ${problems.map((p) => `${p.field}:${p.code}`).join(', ')}`);
    this.name = 'ValidationError';
  }
}

/** The server did not answer at all (offline, link down, timed out), as opposed to answering an error: the device's own data takes over. */
export class ServerUnreachable extends Error {
  constructor(cause?: unknown) {
    super('server unreachable', { cause });
    this.name = 'ServerUnreachable';
  }
}

/** The replica asked for is not kept on this device for this user (e.g. people on a kiosk). */
export class NoReplicaError extends Error {
  readonly code = 'no_replica';
  constructor(readonly replica: string) {
    super(`no local replica ${replica} for this user`);
    this.name = 'NoReplicaError';
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
