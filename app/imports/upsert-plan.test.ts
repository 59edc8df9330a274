import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import { layoutOf } from './layouts.ts';
import { readImportFile } from './read-file.ts';
import { ownedFields, planBatch } from './upsert-plan.ts';
import { runImport } from './run-import.ts';
import { runExport } from './run-export.ts';
import type { PeopleServer, WriteAnswer } from './people-server.ts';

const employers = layoutOf('employers');
const read = (text: string) => {
  const r = readImportFile(text, 'employers', new Set(['dla', 'yde']));
  if (!r.ok) throw new Error('header refused');
  return r;
};
const plan = (text: string, existing: AnyDoc[]) => {
  const file = read(text);
  return planBatch(employers, ownedFields(employers, file.fields), file.rows, new Map(existing.map((d) => [d._id as string, d])));
};
const FILE = 'number;company_name;account_number;phone;branch\n415120;Brasseries;415120;+237 699 000 000;dla\n415121;Cimenterie;415121;;yde\n';

/** A server in memory with CouchDB's upsert answers: enough to test the pass, not the engine (the browser test does). */
function memoryServer(initial: AnyDoc[] = []): PeopleServer & { docs: Map<string, AnyDoc>; writes: number } {
  const docs = new Map(initial.map((d) => [d._id as string, d]));
  const s = {
    docs,
    writes: 0,
    async read(ids: readonly string[]) {
      return new Map(ids.flatMap((id) => (docs.has(id) ? [[id, structuredClone(docs.get(id)!)] as [string, AnyDoc]] : [])));
    },
    async write(batch: readonly AnyDoc[]): Promise<WriteAnswer[]> {
      return batch.map((d) => {
        const id = d._id as string;
        const held = docs.get(id);
        if (held?._rev !== d._rev) return { id, error: 'conflict', reason: 'Document update conflict.' };
        s.writes++;
        const n = held ? Number(String(held._rev).split('-')[0]) + 1 : 1;
        docs.set(id, { ...d, _rev: `${n}-x` });
        return { id, ok: true };
      });
    },
    async list(prefix: string, after: string | null, limit: number) {
      const ids = [...docs.keys()].filter((id) => id.startsWith(prefix) && (after === null || id > after)).sort();
      return ids.slice(0, limit).map((id) => docs.get(id)!);
    },
    async branches() {
      return new Set(['dla', 'yde']);
    },
  };
  return s;
}

describe('the idempotent upsert', () => {
  it('plans new, unchanged and changed documents; a change keeps the fields the file has no column for, and the revision', () => {
    const rows = read(FILE).rows;
    // The file has no address column: the address is kept. Its phone column is empty on line 3: the phone goes.
    const same: AnyDoc = { ...rows[0]!.doc, _rev: '3-abc', address: 'Akwa, Douala' };
    const changed: AnyDoc = { ...rows[1]!.doc, _rev: '1-def', companyName: 'Old name', phone: '+237 600 000 000', note: 'kept' };
    const p = plan(FILE + '415122;Nouvelle;415122;;dla\n', [same, changed]);
    expect(p).toMatchObject({ created: 1, changed: 1, unchanged: 1, refused: [] });
    expect(p.writes.map((w) => w.line)).toEqual([3, 4]);
    const next = p.writes[0]!.doc;
    expect(next).toEqual({ ...rows[1]!.doc, _rev: '1-def', note: 'kept' });
    expect(next.phone).toBeUndefined();
  });

  it('leaves a document whose owned fields are the file\'s alone, whatever else it holds', () => {
    const rows = read(FILE).rows;
    expect(plan(FILE, rows.map((r) => ({ ...r.doc, _rev: '2-a', extra: { x: 1 } })))).toMatchObject({ created: 0, changed: 0, unchanged: 2, writes: [] });
  });

  it('refuses a line whose id holds another kind of person', () => {
    const insurant: AnyDoc = { _id: 'person:415120', _rev: '1-a', type: 'person', kind: 'insurant', number: '415120', familyName: 'X', givenName: 'Y' };
    const p = plan(FILE, [insurant]);
    expect(p.refused).toEqual([{ line: 2, column: null, code: 'other_kind' }]);
    expect(p.created).toBe(1);
  });

  it('a second import of the same file writes nothing; a changed line updates exactly one document', async () => {
    const server = memoryServer();
    const first = await runImport(server, employers, read(FILE), { write: true, batch: 1 });
    expect(first).toMatchObject({ created: 2, written: 2, refused: [] });
    const again = await runImport(server, employers, read(FILE), { write: true });
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 2, written: 0 });
    expect(server.writes).toBe(2);
    const edited = await runImport(server, employers, read(FILE.replace('Cimenterie', 'Cimenterie du Sud')), { write: true });
    expect(edited).toMatchObject({ created: 0, changed: 1, unchanged: 1, written: 1 });
    expect(server.docs.get('person:415121')).toMatchObject({ _rev: '2-x', companyName: 'Cimenterie du Sud' });
    expect(server.docs.get('person:415120')!._rev).toBe('1-x');
  });

  it('writes new people without reading first, and reads back only the ids the server already holds', async () => {
    const server = memoryServer();
    const reads: string[][] = [];
    const readIds = server.read.bind(server);
    server.read = async (ids) => {
      reads.push([...ids]);
      return readIds(ids);
    };
    expect(await runImport(server, employers, read(FILE), { write: true })).toMatchObject({ created: 2, written: 2 });
    expect(reads).toEqual([]);
    const more = FILE + '415122;Savonnerie;415122;;dla\n';
    expect(await runImport(server, employers, read(more), { write: true })).toMatchObject({ created: 1, unchanged: 2, written: 1 });
    expect(reads).toEqual([['person:415120', 'person:415121']]);
  });

  it('reads first once a batch found most of its rows already held (a re-import of a whole extract)', async () => {
    const server = memoryServer();
    const lines = (n: number) => 'number;company_name;account_number;branch\n' + Array.from({ length: n }, (_, i) => `${600000 + i};E${i};${600000 + i};dla`).join('\n');
    await runImport(server, employers, read(lines(6)), { write: true });
    const tried: number[] = [];
    const writeDocs = server.write.bind(server);
    server.write = async (docs) => {
      tried.push(docs.length);
      return writeDocs(docs);
    };
    const reads: number[] = [];
    const readIds = server.read.bind(server);
    server.read = async (ids) => {
      reads.push(ids.length);
      return readIds(ids);
    };
    const again = await runImport(server, employers, read(lines(8)), { write: true, batch: 3 });
    expect(again).toMatchObject({ created: 2, unchanged: 6, written: 2 });
    // Batches 1 and 2 are in flight together: both try their 3 creates (all refused) and read
    // them. Batch 3 is sent once batch 1 has answered that most were held: it reads first (its
    // 2 ids) and writes its 2 new rows.
    expect(tried).toEqual([3, 3, 2]);
    expect(reads).toEqual([3, 3, 2]);
  });

  it('keeps two batches in flight, and stops with the error when the server goes away', async () => {
    const server = memoryServer();
    const lines = 'number;company_name;account_number;branch\n' + Array.from({ length: 9 }, (_, i) => `${700000 + i};E${i};${700000 + i};dla`).join('\n');
    const writeDocs = server.write.bind(server);
    let open = 0;
    let most = 0;
    server.write = async (docs) => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setTimeout(resolve, 5));
      open--;
      return writeDocs(docs);
    };
    const progress: number[] = [];
    expect(await runImport(server, employers, read(lines), { write: true, batch: 3, onProgress: (done) => progress.push(done) })).toMatchObject({ created: 9, written: 9 });
    expect(most).toBe(2);
    expect(progress).toEqual([3, 6, 9]);

    server.write = async () => {
      throw new Error('server went away');
    };
    await expect(runImport(server, employers, read(lines), { write: true, batch: 3 })).rejects.toThrow('server went away');
  });

  it('the preview writes nothing and shows the documents as they will be written', async () => {
    const server = memoryServer();
    const preview = await runImport(server, employers, read(FILE), { write: false });
    expect(preview).toMatchObject({ created: 2, written: 0 });
    expect(preview.sample.map((s) => s.doc._id)).toEqual(['person:415120', 'person:415121']);
    expect(server.docs.size).toBe(0);
  });

  it('reports a server refusal on its line and does not count it as written', async () => {
    const server = memoryServer();
    server.write = async (batch) => batch.map((d, i) => (i === 0 ? { id: d._id as string, error: 'forbidden', reason: 'sex: bad_value' } : { id: d._id as string, ok: true }));
    const r = await runImport(server, employers, read(FILE), { write: true });
    expect(r).toMatchObject({ created: 1, written: 1, refused: [{ line: 2, column: null, code: 'server_refused', detail: 'sex: bad_value' }] });
  });

  it('exports the same layout, paged, and the export imports back as unchanged', async () => {
    const server = memoryServer();
    const many = 'number;company_name;account_number;branch\n' + Array.from({ length: 25 }, (_, i) => `${500000 + i};Société "${i}"; ${500000 + i};dla`).join('\n');
    await runImport(server, employers, read(many), { write: true });
    server.docs.set('person:8800000001', { _id: 'person:8800000001', type: 'person', kind: 'insurant', number: '8800000001' });
    const out = await runExport(server, employers, 'fr', undefined, 10);
    expect(out.rows).toBe(25);
    const text = out.parts.join('');
    expect(text.startsWith('\ufeffnumero;raison_sociale;numero_compte;telephone;adresse;agence\r\n')).toBe(true);
    expect(text).toContain('500003;"Société ""3""";500003;;;dla\r\n');
    const back = await runImport(server, employers, read(text.slice(1)), { write: true });
    expect(back).toMatchObject({ created: 0, changed: 0, unchanged: 25 });
  });
});
