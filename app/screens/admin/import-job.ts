/**
 * One import, from the chosen file to the written documents: read in the worker, checked
 * against the server (the preview: counts and the first documents, nothing written), then
 * written on the administrator's confirmation. Its state is a store made for this file only,
 * so a new file starts from nothing.
 */
import { createStore } from 'solid-js/store';
import type { Encoding } from '../../imports/decode.ts';
import { type ImportKind, type Layout, layoutOf } from '../../imports/layouts.ts';
import type { LineProblem, ReadRow } from '../../imports/read-file.ts';
import { type ImportTotals, runImport } from '../../imports/run-import.ts';
import type { PeopleServer } from '../../imports/people-server.ts';
import { readInWorker } from './import-reader.ts';

export type ImportPhase = 'reading' | 'checking' | 'ready' | 'writing' | 'done' | 'refused' | 'failed';

export interface ImportJobState {
  phase: ImportPhase;
  done: number;
  total: number;
  lines: number;
  encoding: Encoding | null;
  /** Lines refused while reading (and the header's problems when the file is refused). */
  readProblems: LineProblem[];
  preview: ImportTotals | null;
  result: ImportTotals | null;
}

export interface ImportJob {
  readonly layout: Layout;
  readonly state: ImportJobState;
  check(): Promise<void>;
  write(): Promise<void>;
}

export function createImportJob(server: PeopleServer, kind: ImportKind, file: File): ImportJob {
  const layout = layoutOf(kind);
  const [state, setState] = createStore<ImportJobState>({ phase: 'reading', done: 0, total: 0, lines: 0, encoding: null, readProblems: [], preview: null, result: null });
  // Kept out of the store: 100,000 documents need no reactive proxies.
  let read: { rows: ReadRow[]; fields: string[] } | null = null;
  const progress = (done: number, total: number) => setState({ done, total });

  async function failing(step: () => Promise<void>) {
    try {
      await step();
    } catch (error) {
      console.error('import', error);
      setState('phase', 'failed');
    }
  }

  return {
    layout,
    state,
    check: () =>
      failing(async () => {
        const branches = await server.branches();
        const { encoding, result } = await readInWorker(file, kind, [...branches], progress);
        setState({ encoding, readProblems: result.problems });
        if (!result.ok) return void setState('phase', 'refused');
        read = result;
        setState({ phase: 'checking', lines: result.lines, done: 0, total: result.rows.length });
        const preview = await runImport(server, layout, result, { write: false, onProgress: progress });
        setState({ phase: 'ready', preview });
      }),
    write: () =>
      failing(async () => {
        if (!read || state.phase !== 'ready') return;
        setState({ phase: 'writing', done: 0, total: read.rows.length });
        const result = await runImport(server, layout, read, { write: true, onProgress: progress });
        setState({ phase: 'done', result });
      }),
  };
}

/** Every line not written: refused when read, and refused when planned or by the server. */
export function refusedLines(state: ImportJobState, totals: ImportTotals | null): LineProblem[] {
  return [...state.readProblems, ...(totals?.refused ?? [])].sort((a, b) => a.line - b.line);
}
