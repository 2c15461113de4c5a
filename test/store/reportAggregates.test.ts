
import { fileIssue, readShards, REPORT_SHARD_ENTITY, REPORT_SHARDS, SHARD_LIMITS, shardKey, shardOf, type FiledIssue, type StoredShard } from '../../src/store/reportAggregates';
import { store } from '../fakes/forgeKvs';

const entry = (k: string): FiledIssue => ({ k, p: '3', c: [['response', 'high', 0, 60_000, 60_000, 3_600_000, 1, null]] });

beforeEach(() => store.reset());

describe('report shards', () => {
  it('keep every issue when many recomputes file into one shard at once', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => String(10_000 + i)).filter((id) => shardOf(id) === 0).slice(0, 8);
    expect(ids.length).toBe(8);
    const results = await Promise.all(ids.map((id) => fileIssue('10000', '2026-03', id, entry(`SUP-${id}`))));
    expect(results.every(Boolean)).toBe(true);
    const [shard] = await readShards('10000', ['2026-03']);
    expect([...(shard?.issues.keys() ?? [])].sort()).toEqual(ids.sort());
  });

  it('replaces an issue entry, removes it with null, and skips the write when nothing changed', async () => {
    await fileIssue('10000', '2026-03', '1', entry('SUP-1'));
    await fileIssue('10000', '2026-03', '1', entry('SUP-9'));
    expect((await readShards('10000', ['2026-03']))[0]?.issues.get('1')?.k).toBe('SUP-9');
    const writes = store.writes;
    await fileIssue('10000', '2026-03', '1', entry('SUP-9'));
    expect(store.writes).toBe(writes);
    await fileIssue('10000', '2026-03', '1', null);
    expect((await readShards('10000', ['2026-03']))[0]?.issues.size).toBe(0);
  });

  it('spreads issue ids over all shards', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => shardOf(String(10_000 + i))));
    expect(used.size).toBe(REPORT_SHARDS);
  });
});

describe('report shards over the size limit', () => {
  afterEach(() => { SHARD_LIMITS.splitBytes = 200 * 1024; });

  it('split in two by the issue hash, keeping every issue readable and replaceable', async () => {
    SHARD_LIMITS.splitBytes = 300;
    const ids = Array.from({ length: 2000 }, (_, i) => String(10_000 + i)).filter((id) => shardOf(id) === 0).slice(0, 12);
    for (const id of ids) expect(await fileIssue('10000', '2026-03', id, entry(`SUP-${id}`))).toBe(true);
    const stored = store.table(REPORT_SHARD_ENTITY);
    expect((stored.get(shardKey('10000', '2026-03', 0)) as StoredShard).split).toBe(true);
    for (const [, v] of stored) expect(JSON.stringify(v).length).toBeLessThanOrEqual(300);
    await fileIssue('10000', '2026-03', ids[0] as string, entry('SUP-MOVED'));
    await fileIssue('10000', '2026-03', ids[1] as string, null);
    const issues = new Map((await readShards('10000', ['2026-03'])).flatMap((s) => [...s.issues]));
    expect([...issues.keys()].sort()).toEqual(ids.filter((id) => id !== ids[1]).sort());
    expect(issues.get(ids[0] as string)?.k).toBe('SUP-MOVED');
  });
});

describe('report shards of the first, unpacked layout', () => {
  it('still read, and are stored packed by the next write', async () => {
    const key = shardKey('10000', '2026-03', shardOf('1'));
    store.table(REPORT_SHARD_ENTITY).set(key, { projectId: '10000', month: '2026-03', rev: 3, issues: { 1: entry('SUP-1') } });
    expect((await readShards('10000', ['2026-03']))[0]?.issues.get('1')).toEqual(entry('SUP-1'));
    await fileIssue('10000', '2026-03', '1', entry('SUP-2'));
    const stored = store.table(REPORT_SHARD_ENTITY).get(key) as StoredShard;
    expect([stored.rev, stored.issues, typeof stored.packed?.t]).toEqual([4, undefined, 'string']);
    expect((await readShards('10000', ['2026-03']))[0]?.issues.get('1')?.k).toBe('SUP-2');
  });
});
