import { kvs } from '@forge/kvs';
import { CONFIG_ENTITY, type ConfigRecord } from '../../src/store/config';
import { listConfiguredProjects } from '../../src/store/configuredProjects';
import { store } from '../fakes/forgeKvs';

const put = (key: string, projectId: string) =>
  kvs.entity<ConfigRecord>(CONFIG_ENTITY).set(key, { projectId, version: 1, config: {} });

describe('the projects that have a stored configuration', () => {
  beforeEach(() => store.reset());

  it('is empty on a fresh site', async () => {
    expect(await listConfiguredProjects()).toEqual([]);
  });

  it('lists every project once, sorted, across index pages', async () => {
    for (let i = 0; i < 230; i++) await put(`config:${i}`, String(20_000 + (i % 210)));
    const reads = store.reads;
    const ids = await listConfiguredProjects();
    expect(ids).toHaveLength(210);
    expect(ids).toEqual([...ids].sort());
    expect(ids[0]).toBe('20000');
    // 230 records, 100 to a page.
    expect(store.reads - reads).toBe(3);
  });
});
