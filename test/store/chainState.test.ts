import { getMirrorMeta, metaCovers, parkChain, setMirrorMeta, takeParkedChains, type MirrorMeta } from '../../src/store/chainState';
import { store } from '../fakes/forgeKvs';

beforeEach(() => store.reset());

describe('whether the mirror covers a recompute', () => {
  const meta: MirrorMeta = { covers: ['status', 'priority'], resolvedSince: '2026-01-01' };

  it('needs a meta record and every field the recompute reads', () => {
    expect(metaCovers(undefined, [], null)).toBe(false);
    expect(metaCovers(meta, ['status'], null)).toBe(true);
    expect(metaCovers(meta, ['status', 'labels'], null)).toBe(false);
  });

  it('needs resolved issues mirrored from the asked date or earlier, the same day included', () => {
    expect(metaCovers(meta, ['status'], '2026-01-01')).toBe(true);
    expect(metaCovers(meta, ['status'], '2026-02-01')).toBe(true);
    expect(metaCovers(meta, ['status'], '2025-12-31')).toBe(false);
  });

  it('never covers resolved issues when only unresolved ones were mirrored', () => {
    expect(metaCovers({ covers: ['status'], resolvedSince: null }, ['status'], '2026-01-01')).toBe(false);
    expect(metaCovers({ covers: ['status'], resolvedSince: null }, ['status'], null)).toBe(true);
  });
});

describe('mirror meta and parked chains in storage', () => {
  it('keeps one meta record per project, the last write winning', async () => {
    expect(await getMirrorMeta('1')).toBeUndefined();
    await setMirrorMeta('1', { covers: ['status'], resolvedSince: null });
    await setMirrorMeta('1', { covers: ['status', 'labels'], resolvedSince: '2026-01-01' });
    expect(await getMirrorMeta('1')).toEqual({ covers: ['status', 'labels'], resolvedSince: '2026-01-01' });
    expect(await getMirrorMeta('2')).toBeUndefined();
  });

  it('parks one chain per project and hands parked chains out once, at most the asked number at a time', async () => {
    await parkChain('1', { projectId: '1', after: 5 });
    await parkChain('1', { projectId: '1', after: 9 });
    await parkChain('2', { projectId: '2', after: 0 });
    await parkChain('3', { projectId: '3', after: 0 });
    const first = await takeParkedChains<{ projectId: string; after: number }>(2);
    expect(first).toHaveLength(2);
    const rest = await takeParkedChains<{ projectId: string; after: number }>(10);
    expect([...first, ...rest].sort((a, b) => (a.projectId < b.projectId ? -1 : 1))).toEqual([
      { projectId: '1', after: 9 }, { projectId: '2', after: 0 }, { projectId: '3', after: 0 },
    ]);
    expect(await takeParkedChains(10)).toEqual([]);
  });

  it('leaves keys that only look alike alone', async () => {
    await setMirrorMeta('chain', { covers: [], resolvedSince: null });
    expect(await takeParkedChains(10)).toEqual([]);
    expect(await getMirrorMeta('chain')).toBeDefined();
  });
});
