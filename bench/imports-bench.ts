/**
 * Imports from the core system (issue 14, docs/IMPORTS.md): N insurants from one CSV file,
 * through the code path of the admin screen — decoding, parsing, building and validating
 * (app/imports/read-file.ts, what the screen's worker runs), then the batch pass reading
 * `_all_docs?keys` and writing `_bulk_docs` through the gateway with an administrator's
 * session (app/imports/run-import.ts). Figures: documents per second for the whole import
 * (target ≥ 5,000/s on the embedded engine), each phase apart, and a second import of the same
 * file (nothing to write: the idempotent check alone).
 *
 *   npm run bench -- --parts=imports                       # N = 10,000
 *   npm run bench -- --parts=imports --imports-lines=100000
 */
import { loadavg } from 'node:os';
import { decodeBytes } from '../app/imports/decode.ts';
import { layoutOf } from '../app/imports/layouts.ts';
import { gatewayPeople } from '../app/imports/people-server.ts';
import { readImportFile } from '../app/imports/read-file.ts';
import { runImport } from '../app/imports/run-import.ts';
import { signIn } from '../test/support/couch-http.ts';
import { startServer } from '../test/support/server-process.ts';
import { describeRefusals } from './refusals.ts';

const FAMILY = ['Mbarga', 'Ekambi', 'Nkoulou', 'Fotso', 'Tchoua', 'Ngono', 'Abena', 'Djoumessi'];
const GIVEN = ['Hélène', 'Paul', 'Aïcha', 'Jean-Marie', 'Chantal', 'Ibrahim', 'Françoise', 'Samuel'];

/** The core system's file: French headers, `;`, every optional column filled, two branches. */
export function insurantsCsv(lines: number): Uint8Array {
  const out = ['numero;nom;prenom;sexe;date_naissance;telephone;adresse;agence'];
  for (let i = 0; i < lines; i++) {
    const day = `${1950 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    out.push(`BI${String(i).padStart(8, '0')};${FAMILY[i % 8]};${GIVEN[(i >> 3) % 8]};${i % 2 ? 'F' : 'M'};${day};+237 6${String(i % 100).padStart(2, '0')} 000 000;"Quartier ${i % 300}; Douala";${i % 3 ? 'dla' : 'yde'}`);
  }
  return new TextEncoder().encode(out.join('\r\n') + '\r\n');
}

/**
 * fetch with the cookie handling of a browser: the session cookie goes with every request and
 * is replaced when the server renews it (CouchDB does near the end of its 10-minute timeout;
 * a 100,000-line import on the embedded engine takes longer than that).
 */
function browserLikeFetch(cookie: string): typeof fetch {
  let current = cookie;
  return async (input, init) => {
    const res = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: current } });
    const renewed = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession=') && !c.startsWith('AuthSession=;'));
    if (renewed) current = renewed.split(';', 1)[0]!;
    return res;
  };
}

export interface ImportsBenchResult {
  lines: number;
  megabytes: number;
  readMs: number;
  writeMs: number;
  againMs: number;
  serverOutput: string;
}

export async function benchImports(lines: number, log: (line: string) => void): Promise<ImportsBenchResult> {
  const server = await startServer();
  try {
    const session = await signIn(server.url, 'admin.hq', 'demo-admin');
    const people = gatewayPeople(browserLikeFetch(session.headers.cookie!), `${server.url}/db`);
    const layout = layoutOf('insurants');
    const bytes = insurantsCsv(lines);
    const branches = await people.branches();

    const t0 = performance.now();
    const read = readImportFile(decodeBytes(bytes).text, 'insurants', branches);
    if (!read.ok || read.rows.length !== lines) throw new Error(`the bench file did not read whole: ${JSON.stringify(read.problems.slice(0, 3))}`);
    const t1 = performance.now();
    let shown = 0;
    const first = await runImport(people, layout, read, {
      write: true,
      onProgress: (done) => {
        if (done >= shown + lines / 10) log(`  … ${(shown = done)} written, ${Math.round(done / ((performance.now() - t1) / 1000))} docs/s so far`);
      },
    });
    const t2 = performance.now();
    if (first.written !== lines) throw new Error(`${first.written} of ${lines} written; first refusals: ${JSON.stringify(first.refused.slice(0, 3))}`);
    const again = await runImport(people, layout, read, { write: true });
    const t3 = performance.now();
    if (again.written !== 0 || again.unchanged !== lines) throw new Error(`the second import wrote ${again.written} documents`);
    return { lines, megabytes: bytes.length / 1e6, readMs: t1 - t0, writeMs: t2 - t1, againMs: t3 - t2, serverOutput: server.output() };
  } finally {
    await server.stop();
  }
}

export function formatImports(r: ImportsBenchResult): string[] {
  const rate = (ms: number) => Math.round(r.lines / (ms / 1000)).toLocaleString('en');
  return [
    `  ${r.lines.toLocaleString('en')} insurants, ${r.megabytes.toFixed(1)} MB of CSV, load average ${loadavg()[0]!.toFixed(1)}:`,
    `  whole import: ${((r.readMs + r.writeMs) / 1000).toFixed(1)} s, ${rate(r.readMs + r.writeMs)} docs/s (target ≥ 5,000 docs/s)`,
    `    reading (decode, parse, build, validate): ${(r.readMs / 1000).toFixed(2)} s, ${rate(r.readMs)} lines/s`,
    `    server pass (create-first _bulk_docs, _bulk_get of the ids held, through the gateway): ${(r.writeMs / 1000).toFixed(1)} s, ${rate(r.writeMs)} docs/s`,
    `  the same file again (nothing written): ${(r.againMs / 1000).toFixed(1)} s, ${rate(r.againMs)} lines/s`,
    ...describeRefusals('imports', r.serverOutput),
  ];
}
