import { kvs } from '@forge/kvs';
import { deleteIssueExtras, deleteProjectConfig, deleteProjectRecords } from '../../src/store/projectData';
import { CONFIG_ENTITY, loadConfig, saveConfig } from '../../src/store/config';
import { REPORT_SHARD_ENTITY } from '../../src/store/reportAggregates';
import { store } from '../fakes/forgeKvs';
import { testPolicy } from '../fakes/world';

const KEYS = ['progress', 'mirror-meta', 'chain', 'customer-view'];

beforeEach(() => store.reset());

describe("removing a project's records", () => {
  it('deletes the configuration on its own, leaving other projects configured', async () => {
    for (const projectId of ['1', '2']) await saveConfig({ projectId, policy: testPolicy(), expectedVersion: 0, updatedBy: 'a', updatedAt: '2026-03-02T09:00:00.000Z' });
    await deleteProjectConfig('1');
    expect(await loadConfig('1')).toBeNull();
    expect(await loadConfig('2')).not.toBeNull();
    expect([...store.table(CONFIG_ENTITY)].map(([k]) => k)).toEqual(['project-2']);
  });

  it('deletes the project keys and every report shard of the project, across shard pages, and nothing of another project', async () => {
    for (const p of ['1', '2']) for (const k of KEYS) await kvs.set(`${k}:${p}`, { p });
    const shards = store.table(REPORT_SHARD_ENTITY);
    for (let i = 0; i < 230; i++) shards.set(`1:${i}`, { projectId: '1', issues: [] });
    shards.set('2:0', { projectId: '2', issues: [] });
    await deleteProjectRecords('1');
    expect(store.plainKeys().sort()).toEqual(KEYS.map((k) => `${k}:2`).sort());
    expect([...store.table(REPORT_SHARD_ENTITY)].map(([k]) => k)).toEqual(['2:0']);
  });

  it("deletes an issue's report filing and action failures, and only that issue's", async () => {
    for (const id of ['1', '2']) {
      await kvs.set(`report-issue:${id}`, {});
      await kvs.set(`action-failures:${id}`, []);
    }
    await deleteIssueExtras('1');
    expect(store.plainKeys().sort()).toEqual(['action-failures:2', 'report-issue:2']);
  });
});
