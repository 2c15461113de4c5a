import { legacyShardIssues, migrateConfig } from '../../src/store/migrations';
import { testPolicy } from '../fakes/world';

describe('configuration migrations', () => {
  it('lifts an old record through each step to the current schema', () => {
    const v0 = { schemaVersion: 0, version: 3, updatedBy: 'x', updatedAt: 't', goals: { policy: testPolicy() } };
    const res = migrateConfig(v0, { 0: (r) => ({ ...r, policy: (r.goals as { policy: unknown }).policy }) });
    expect(res).toMatchObject({ ok: true, value: { schemaVersion: 1, version: 3, policy: { name: 'Test policy' } } });
  });

  it('refuses a record written by a newer app and one with no known path', () => {
    expect(migrateConfig({ schemaVersion: 9, version: 1, policy: {} })).toMatchObject({ ok: false, error: { code: 'CONFIG_FROM_NEWER_APP' } });
    expect(migrateConfig({ schemaVersion: 0, version: 1, policy: {} })).toMatchObject({ ok: false, error: { code: 'CONFIG_UNREADABLE' } });
    expect(migrateConfig('nonsense')).toMatchObject({ ok: false, error: { code: 'CONFIG_UNREADABLE' } });
  });
});

describe('configuration migrations of incomplete records', () => {
  it('refuse a current record without a numeric version or a policy object', () => {
    expect(migrateConfig({ schemaVersion: 1, version: '1', policy: testPolicy() })).toMatchObject({ ok: false, error: { code: 'CONFIG_UNREADABLE' } });
    expect(migrateConfig({ schemaVersion: 1, version: 1, policy: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFIG_UNREADABLE' } });
    expect(migrateConfig({ version: 1, policy: testPolicy() })).toMatchObject({ ok: false, error: { code: 'CONFIG_UNREADABLE' } });
  });
});

describe('report shards stored unpacked', () => {
  it('read back as issue id and entry pairs, skipping entries of another shape', () => {
    const entry = { k: 'SUP-1', p: null, c: [] };
    expect(legacyShardIssues({ 1: entry, 2: { k: 'SUP-2', p: 3, c: [] }, 3: { k: 'SUP-3', p: '2', c: {} }, 4: { ...entry, p: '2' } })).toEqual([['1', entry], ['4', { ...entry, p: '2' }]]);
  });

  it('read as empty when the stored value is not an object', () => {
    expect(legacyShardIssues(null)).toEqual([]);
    expect(legacyShardIssues('packed')).toEqual([]);
  });
});
