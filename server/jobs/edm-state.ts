/**
 * The EDM export's checkpoint, a file in the drop folder's work folder (docs/EDM.md, "Why the
 * checkpoint is a file"). Written whole to a temporary name and renamed, so a crash leaves the
 * old state or the new one, never half of one.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_FILE } from './edm-layout.ts';

export interface Waiting {
  receiptNumber: string;
  /** `pending`: something it needs has not arrived yet (a scan, the person); `failing`: an error. */
  kind: 'pending' | 'failing';
  reason: string;
  attempts: number;
  since: string;
}

export interface EdmState {
  /** fo_central's change sequence every submission before which is exported or in `waiting`. */
  since: string | number;
  exported: number;
  /** Exported after `since`: a crash before `since` moves on must not export them again. */
  done: string[];
  waiting: Record<string, Waiting>;
  /** Written just before a folder's rename, cleared just after: a crash in between is finished at start. */
  committing: { id: string; folder: string } | null;
}

export function emptyState(): EdmState {
  return { since: 0, exported: 0, done: [], waiting: {}, committing: null };
}

export async function readState(workDir: string): Promise<EdmState> {
  try {
    return { ...emptyState(), ...(JSON.parse(await readFile(join(workDir, STATE_FILE), 'utf8')) as Partial<EdmState>) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw error;
  }
}

export async function writeState(workDir: string, state: EdmState): Promise<void> {
  const tmp = join(workDir, `${STATE_FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, join(workDir, STATE_FILE));
}
