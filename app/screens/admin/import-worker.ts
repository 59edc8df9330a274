/**
 * The import's reading, off the page's thread (a 100,000-line file is seconds of parsing and
 * validation): the file's bytes decoded, parsed, built and judged line by line, with progress.
 * The server pass (reads and writes) stays on the page: it is waiting, not computing.
 */
import { decodeBytes } from '../../imports/decode.ts';
import { readImportFile } from '../../imports/read-file.ts';
import type { ImportKind } from '../../imports/layouts.ts';
import type { WorkerAnswer } from './import-reader.ts';

interface Scope {
  onmessage: ((event: MessageEvent<{ file: File; kind: ImportKind; branches: string[] }>) => void) | null;
  postMessage(message: WorkerAnswer): void;
}
const scope = self as unknown as Scope;

scope.onmessage = async (event) => {
  const { file, kind, branches } = event.data;
  try {
    const { text, encoding } = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    const result = readImportFile(text, kind, new Set(branches), (done, total) => scope.postMessage({ type: 'progress', done, total }));
    scope.postMessage({ type: 'done', encoding, result });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
