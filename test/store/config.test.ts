
import { kvs } from '@forge/kvs';
import { CONFIG_ENTITY, loadConfig, saveConfig, type SaveRequest } from '../../src/store/config';
import { MAX_TRANSACTION_OPS, store } from '../fakes/forgeKvs';
import { testPolicy } from '../fakes/world';

const req = (over: Partial<SaveRequest> = {}): SaveRequest => ({
  projectId: '10000',
  policy: testPolicy(),
  expectedVersion: 0,
  updatedBy: 'admin-1',
  updatedAt: '2026-03-02T09:00:00.000Z',
  ...over,
});

beforeEach(() => store.reset());

describe('project configuration storage', () => {
  it('reads a project that was never configured as null', async () => {
    expect(await loadConfig('10000')).toBeNull();
  });

  it('numbers saves from 1 and records who saved when', async () => {
    expect(await saveConfig(req())).toMatchObject({ ok: true, value: { version: 1, updatedBy: 'admin-1', schemaVersion: 1 } });
    expect(await saveConfig(req({ expectedVersion: 1, updatedBy: 'admin-2' }))).toMatchObject({ ok: true, value: { version: 2, updatedBy: 'admin-2' } });
    expect(await loadConfig('10000')).toMatchObject({ version: 2, updatedBy: 'admin-2' });
  });

  it('refuses a save based on an older version and keeps the newer one', async () => {
    await saveConfig(req());
    await saveConfig(req({ expectedVersion: 1, policy: testPolicy({ name: 'First' }) }));
    const stale = await saveConfig(req({ expectedVersion: 1, policy: testPolicy({ name: 'Second' }) }));
    expect(stale).toEqual({ ok: false, error: { code: 'VERSION_CONFLICT', currentVersion: 2 } });
    expect((await loadConfig('10000'))?.policy.name).toBe('First');
  });

  it('lets only one of two first saves win', async () => {
    const [a, b] = await Promise.all([saveConfig(req({ updatedBy: 'a' })), saveConfig(req({ updatedBy: 'b' }))]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
  });

  it('keeps projects apart', async () => {
    await saveConfig(req({ projectId: '1' }));
    expect(await loadConfig('2')).toBeNull();
  });

  it('reads an unreadable stored record as null rather than crashing', async () => {
    await kvs.entity(CONFIG_ENTITY).set('project-10000', { projectId: '10000', version: 1, config: { hello: 'world' } });
    expect(await loadConfig('10000')).toBeNull();
  });
});

describe('the KVS the tests share with the emulator', () => {
  it('rejects a transaction over the documented operation cap and applies nothing', async () => {
    let tx = kvs.transact();
    for (let i = 0; i <= MAX_TRANSACTION_OPS; i++) tx = tx.set(`k${i}`, i);
    await expect(tx.execute()).rejects.toMatchObject({ code: 'TOO_MANY_OPERATIONS' });
    expect(await kvs.get('k0')).toBeUndefined();
  });
});
