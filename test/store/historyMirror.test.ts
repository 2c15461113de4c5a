import type { MirrorData } from '../../src/app/mirrorData';
import {
  deleteMirror, getMirror, getMirrors, listProjectMirrors, putMirror, putMirrors, putMirrorsIfUnchanged, type MirrorRecord,
} from '../../src/store/historyMirror';
import { store } from '../fakes/forgeKvs';

const data = (key: string): MirrorData => ({ v: 1, key, covers: ['status'], fields: { status: { id: '1' } }, histories: [], comments: [] });
const rec = (issueNum: number, projectId = '10000', rev = 'r1'): MirrorRecord => ({
  issueId: String(issueNum), projectId, issueNum, rev, data: data(`SUP-${issueNum}`), sla: { hash: null, fired: [] },
});

beforeEach(() => store.reset());

describe('one mirror record', () => {
  it('is stored, read back by issue id and deleted', async () => {
    await putMirror(rec(7));
    expect(await getMirror('7')).toEqual(rec(7));
    await deleteMirror('7');
    expect(await getMirror('7')).toBeUndefined();
  });
});

describe('many mirror records', () => {
  it('are read 25 to a storage request, missing ones simply absent', async () => {
    await putMirrors(Array.from({ length: 30 }, (_, i) => rec(i + 1)));
    store.reads = 0;
    const got = await getMirrors([...Array.from({ length: 30 }, (_, i) => String(i + 1)), '99']);
    expect(got.size).toBe(30);
    expect(got.has('99')).toBe(false);
    expect(store.reads).toBe(2);
  });

  it('are written 25 to a storage request', async () => {
    store.writes = 0;
    await putMirrors(Array.from({ length: 51 }, (_, i) => rec(i + 1)));
    expect(store.writes).toBe(3);
  });
});

describe('a project page of the mirror', () => {
  it('lists only that project, in issue-id order, after the given id and up to the limit', async () => {
    await putMirrors([rec(30), rec(4), rec(12), rec(5, '20000'), rec(100)]);
    expect((await listProjectMirrors('10000', 0, 3)).map((r) => r.issueNum)).toEqual([4, 12, 30]);
    expect((await listProjectMirrors('10000', 12, 10)).map((r) => r.issueNum)).toEqual([30, 100]);
    expect(await listProjectMirrors('10000', 100, 10)).toEqual([]);
  });
});

describe('guarded mirror writes', () => {
  it('save where the stored rev is still the expected one, or where none was expected', async () => {
    await putMirror(rec(1, '10000', 'a'));
    const refused = await putMirrorsIfUnchanged([{ record: rec(1, '10000', 'b'), expectedRev: 'a' }, { record: rec(2, '10000', 'n'), expectedRev: null }]);
    expect(refused).toEqual([]);
    expect((await getMirror('1'))?.rev).toBe('b');
    expect((await getMirror('2'))?.rev).toBe('n');
  });

  it('refuse only the records another writer changed, and still save the rest of their transaction', async () => {
    await putMirrors([rec(1, '10000', 'a'), rec(2, '10000', 'a'), rec(3, '10000', 'a')]);
    await putMirror(rec(2, '10000', 'event'));
    const refused = await putMirrorsIfUnchanged([1, 2, 3].map((n) => ({ record: rec(n, '10000', 'batch'), expectedRev: 'a' })));
    expect(refused).toEqual(['2']);
    expect([(await getMirror('1'))?.rev, (await getMirror('2'))?.rev, (await getMirror('3'))?.rev]).toEqual(['batch', 'event', 'batch']);
  });
});
