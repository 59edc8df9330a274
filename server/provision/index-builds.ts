import type { DesignDocState } from '../../couch-design/design-doc-state.ts';
import { log } from '../log.ts';
import type { Couch } from './couch-client.ts';
import type { BuiltDesignDoc } from './design-docs.ts';
import { DEFAULT_WAIT, deployDesignDoc, type IndexWait } from './staged-deploy.ts';

/** The state of each database's design documents, as /health reports it. */
export class DesignDocStates {
  readonly #byDb = new Map<string, DesignDocState>();

  set(db: string, state: DesignDocState): void {
    this.#byDb.set(db, state);
  }

  snapshot(): Record<string, DesignDocState> {
    return Object.fromEntries([...this.#byDb].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export interface PendingBuild {
  db: string;
  doc: BuiltDesignDoc;
}

export interface BuildOptions {
  wait?: IndexWait;
  /** Pause before trying a failed deploy again (the engine restarting, a network cut). */
  retryMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Deploys the changed design documents one at a time (each index build takes the engine's
 * CPU), marking each database `building` until all of its documents are swapped in. A failed
 * deploy is logged and tried again: every step resumes where it stopped. Never rejects.
 */
export async function buildInBackground(couch: Couch, pending: readonly PendingBuild[], states: DesignDocStates, opts: BuildOptions = {}): Promise<void> {
  for (const { db } of pending) states.set(db, 'building');
  for (const [i, { db, doc }] of pending.entries()) {
    const started = performance.now();
    for (;;) {
      try {
        await deployDesignDoc(couch, db, doc, opts.wait ?? DEFAULT_WAIT);
        break;
      } catch (err) {
        log(`provision: ${db}: deploying ${doc._id} failed, trying again: ${err instanceof Error ? err.message : String(err)}`);
        await sleep(opts.retryMs ?? 30_000);
      }
    }
    log(`provision: ${db}: ${doc._id} ${doc.version} swapped in, indexes built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!pending.slice(i + 1).some((p) => p.db === db)) states.set(db, 'current');
  }
}
