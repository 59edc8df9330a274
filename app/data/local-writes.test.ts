import { describe, expect, it } from 'vitest';
import { localWriteJudge } from './local-writes.ts';

function judged(onServer: (id: string, rev: string) => boolean = () => false) {
  const reported: string[] = [];
  const judge = localWriteJudge(onServer, (id, rev) => reported.push(`${id}@${rev}`));
  return { judge, reported };
}

describe('local writes left to push', () => {
  it('reports a write seen while no pull runs', () => {
    const { judge, reported } = judged();
    judge.seen('a', '1-x');
    expect(reported).toEqual(['a@1-x']);
  });

  it('drops what the pull brought, and reports the rest once the pull pauses', () => {
    const { judge, reported } = judged();
    judge.pullActive();
    judge.seen('pulled', '2-p');
    judge.seen('mine', '1-m');
    expect(reported).toEqual([]);
    judge.pulled([{ _id: 'pulled', _rev: '2-p' }]);
    judge.pullPaused();
    expect(reported).toEqual(['mine@1-m']);
  });

  it('drops a write made during a pull that the push sent before the pull paused', () => {
    const { judge, reported } = judged();
    judge.pullActive();
    judge.seen('event', '1-e');
    judge.pushed([{ _id: 'event', _rev: '1-e' }]);
    judge.pullPaused();
    expect(reported).toEqual([]);
  });

  it('drops a write whose feed event comes after its push', () => {
    const { judge, reported } = judged();
    judge.pushed([{ _id: 'late', _rev: '1-l' }]);
    judge.seen('late', '1-l');
    expect(reported).toEqual([]);
  });

  it('still reports a newer revision than the one pushed', () => {
    const { judge, reported } = judged();
    judge.pushed([{ _id: 'doc', _rev: '1-a' }]);
    judge.seen('doc', '2-b');
    expect(reported).toEqual(['doc@2-b']);
  });

  it('drops revisions the device wrote to the server itself', () => {
    const { judge, reported } = judged((id) => id === 'remote');
    judge.seen('remote', '1-r');
    expect(reported).toEqual([]);
  });

  it('forgets the oldest pushed revisions past its memory', () => {
    const { judge, reported } = judged();
    judge.pushed(Array.from({ length: 2001 }, (_, i) => ({ _id: `d${i}`, _rev: '1-x' })));
    judge.seen('d0', '1-x');
    judge.seen('d2000', '1-x');
    expect(reported).toEqual(['d0@1-x']);
  });
});
