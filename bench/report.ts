/** Turns measured runs into figures, the terminal tables and bench/results/latest.json. Pure but for the file write. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Variant } from './page/protocol.ts';
import type { LoadResult } from './load.ts';

export interface SyncFigure {
  readonly variant: Variant;
  readonly n: number;
  /** Every run's time; `seconds` is their median. */
  readonly runsMs: readonly number[];
  readonly seconds: number;
  readonly docsPerSec: number;
  /** Local adapter and replication mode: 'indexeddb, sync', 'idb, replicate'… */
  readonly setup: string;
}

export interface Results {
  readonly date: string;
  /** Runs per variant and size; each figure is the median. */
  readonly runs: number;
  /** Job role of the app user "ours" ran as (with branch:bench). */
  readonly role: string;
  readonly machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    userAgent: string;
    /**
     * 1-minute load average before the bench started its server (other work on the machine,
     * which skews the figures) and when it ended (its own work included).
     */
    load: { start: number; end: number };
  };
  readonly sync: readonly SyncFigure[];
  readonly ratios: readonly { n: number; oursOverStock: number }[];
  readonly load: readonly { db: string; n: number; seconds: number; docsPerSec: number; bytesPerDoc: number }[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function syncFigure(variant: Variant, n: number, runsMs: readonly number[], setup: string): SyncFigure {
  const ms = median(runsMs);
  return { variant, n, runsMs: runsMs.map((x) => Math.round(x)), seconds: round(ms / 1000, 2), docsPerSec: Math.round((n * 1000) / ms), setup };
}

export function results(sync: readonly SyncFigure[], loads: readonly LoadResult[], userAgent: string, loadAtStart: number, runs: number, role: string): Results {
  const ns = [...new Set(sync.map((f) => f.n))];
  const ratios = ns.flatMap((n) => {
    const ours = sync.find((f) => f.n === n && f.variant === 'ours');
    const stock = sync.find((f) => f.n === n && f.variant === 'stock');
    return ours && stock ? [{ n, oursOverStock: round(ours.docsPerSec / stock.docsPerSec, 2) }] : [];
  });
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    runs,
    role,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? '?',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      userAgent,
      load: { start: round(loadAtStart, 2), end: round(loadavg()[0]!, 2) },
    },
    sync,
    ratios,
    load: loads.map((l) => ({ db: l.db, n: l.n, seconds: round(l.ms / 1000, 2), docsPerSec: Math.round((l.n * 1000) / l.ms), bytesPerDoc: Math.round(l.bytes / l.n) })),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatResults(r: Results): string {
  const ratioOf = (n: number) => r.ratios.find((x) => x.n === n)?.oursOverStock;
  const syncRows = r.sync.map((f) => [
    f.variant,
    String(f.n),
    f.seconds.toFixed(2),
    String(f.docsPerSec),
    f.variant === 'ours' && ratioOf(f.n) !== undefined ? `${ratioOf(f.n)!.toFixed(2)}x` : '',
    f.setup,
  ]);
  const loadRows = r.load.map((l) => [l.db, String(l.n), l.seconds.toFixed(2), String(l.docsPerSec), String(l.bytesPerDoc)]);
  return [
    `First sync of a branch replica into a fresh Chromium profile (${r.runs === 1 ? 'one run each' : `median of ${r.runs} runs`}; ours as a ${r.role})`,
    table(['variant', 'N', 'seconds', 'docs/s', 'ours/stock', 'adapter, mode'], syncRows),
    '',
    'Server bulk load (_bulk_docs, 1000 a request, through /db/, not part of the figures above)',
    table(['database', 'N', 'seconds', 'docs/s', 'bytes/doc'], loadRows),
    '',
    `${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.userAgent}`,
    `load average (1 min): ${r.machine.load.start} at start, ${r.machine.load.end} at end` +
      (r.machine.load.start > r.machine.cpus / 2 ? ' -- BUSY MACHINE: other work was running, the figures are skewed' : ''),
  ].join('\n');
}

export function writeResults(r: Results): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('latest.json', dir);
  writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file.pathname;
}
