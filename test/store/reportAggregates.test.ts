
import { fileIssue, readShards, REPORT_SHARDS, shardOf, type FiledIssue } from '../../src/store/reportAggregates';
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
    expect(Object.keys(shard?.issues ?? {}).sort()).toEqual(ids.sort());
  });

  it('replaces an issue entry, removes it with null, and skips the write when nothing changed', async () => {
    await fileIssue('10000', '2026-03', '1', entry('SUP-1'));
    await fileIssue('10000', '2026-03', '1', entry('SUP-9'));
    expect((await readShards('10000', ['2026-03']))[0]?.issues['1']?.k).toBe('SUP-9');
    const writes = store.writes;
    await fileIssue('10000', '2026-03', '1', entry('SUP-9'));
    expect(store.writes).toBe(writes);
    await fileIssue('10000', '2026-03', '1', null);
    expect((await readShards('10000', ['2026-03']))[0]?.issues).toEqual({});
  });

  it('spreads issue ids over all shards', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => shardOf(String(10_000 + i))));
    expect(used.size).toBe(REPORT_SHARDS);
  });
});
