/** The page's side of the import worker: one worker per file read, ended when it answered. */
import type { Encoding } from '../../imports/decode.ts';
import type { ImportKind } from '../../imports/layouts.ts';
import type { ReadResult } from '../../imports/read-file.ts';

export type WorkerAnswer =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; encoding: Encoding; result: ReadResult }
  | { type: 'failed'; message: string };

export function readInWorker(file: File, kind: ImportKind, branches: readonly string[], onProgress: (done: number, total: number) => void): Promise<{ encoding: Encoding; result: ReadResult }> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      if (answer.type === 'progress') return onProgress(answer.done, answer.total);
      worker.terminate();
      if (answer.type === 'done') resolve({ encoding: answer.encoding, result: answer.result });
      else reject(new Error(answer.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'import worker failed'));
    };
    worker.postMessage({ file, kind, branches: [...branches] });
  });
}
