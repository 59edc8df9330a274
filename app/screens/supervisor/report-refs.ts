/** Reference lists for the report filters (branches, services, counters) from the local fo_ref replica. */
import { createResource, onCleanup } from 'solid-js';
import type { DataLayer } from '../../data/data-layer.ts';
import type { Branch } from '../../../couch-design/types/branch.ts';
import type { Service } from '../../../couch-design/types/service.ts';
import type { Counter } from '../../../couch-design/types/counter.ts';

export interface ReportRefs {
  branches: Branch[];
  services: Service[];
  counters: Counter[];
}

/**
 * `branch` null: head office, every branch's counters. Re-read now and then: right after
 * sign-in the reference replica may still be on its first pull.
 */
export function createReportRefs(layer: DataLayer, branch: string | null) {
  const [refs, { refetch }] = createResource(async (): Promise<ReportRefs> => {
    const [branches, services, counters] = await Promise.all([
      layer.allDocsByPrefix<Branch>('ref', 'branch:'),
      layer.allDocsByPrefix<Service>('ref', 'service:'),
      layer.allDocsByPrefix<Counter>('ref', branch ? `counter:${branch}:` : 'counter:'),
    ]);
    return {
      branches: branches.filter((b) => b.type === 'branch'),
      services: services.filter((s) => s.type === 'service'),
      counters: counters.filter((c) => c.type === 'counter'),
    };
  });
  // Quickly while the list is still empty, then now and then.
  const timer = setInterval(() => void refetch(), 15_000);
  const early = setInterval(() => {
    if (refs.latest?.services.length) clearInterval(early);
    else void refetch();
  }, 1_000);
  onCleanup(() => {
    clearInterval(timer);
    clearInterval(early);
  });
  return { refs, refetch };
}
