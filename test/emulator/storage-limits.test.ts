/**
 * Forge hosted storage limits as the emulator models them, through the real @forge/kvs client:
 * requests and 10 KB read/write units per installation, 429 RATE_LIMIT_EXCEEDED when a budget is
 * spent, and the key, value and transaction checks. The limiters' time is pinned.
 */
import { kvs, type ForgeKvsAPIError } from '@forge/kvs';
import type { Emulator } from '../../emulator/app';
import { teardown, testEmulator } from './helpers';

afterEach(teardown);

const MINUTE_ALIGNED = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
const KB = 1024;

function pinned(limits: Partial<Emulator['limits']['storage']['config']> = {}): Emulator {
  const emu = testEmulator();
  emu.limits.now = () => MINUTE_ALIGNED + 100;
  Object.assign(emu.limits.storage.config, limits);
  return emu;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return (e as ForgeKvsAPIError).code ?? String(e);
  }
}

describe('storage counters', () => {
  it('counts a 65 KB write as 7 write units and reading it back as 7 read units', async () => {
    const emu = pinned();
    await kvs.set('big', 'x'.repeat(65 * KB - 20));
    await kvs.get('big');
    await kvs.get('missing');
    expect(emu.limits.storage.state.ops.set).toMatchObject({ requests: 1, writeUnits: 7 });
    expect(emu.limits.storage.state.ops.get).toMatchObject({ requests: 2, readUnits: 8 });
    expect(emu.limits.storage.totals()).toMatchObject({ requests: 3, readUnits: 8, writeUnits: 7, refused: 0 });
  });

  it('counts custom entity calls and transactions by operation', async () => {
    const emu = pinned();
    await kvs.entity<{ issueId: string; state: string; dueAt: number }>('due-entry').set('a', { issueId: '1', state: 'running', dueAt: 1 });
    await kvs.transact().set('t1', 1).set('t2', 2).execute();
    expect(Object.keys(emu.limits.storage.state.ops).sort()).toEqual(['entity/set', 'transaction']);
    expect(emu.limits.storage.state.ops.transaction).toMatchObject({ requests: 1, writeUnits: 1 });
  });

  it('are off by default: a thousand and one writes in one pinned second all succeed', async () => {
    const emu = testEmulator();
    emu.limits.now = () => MINUTE_ALIGNED;
    const codes = await Promise.all(Array.from({ length: 1001 }, (_, i) => codeOf(kvs.set(`k${i}`, i))));
    expect(codes.every((c) => c === 'OK')).toBe(true);
  });
});

describe('storage limits per installation', () => {
  it('refuses requests beyond the per-second rate with RATE_LIMIT_EXCEEDED', async () => {
    const emu = pinned({ enabled: true, requestsPerSecond: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await codeOf(kvs.get('k')));
    expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMIT_EXCEEDED']);
    expect(emu.limits.storage.totals().refused).toBe(1);
  });

  it('refuses writes once the minute\'s write units are spent, while reads still answer', async () => {
    pinned({ enabled: true, writeUnitsPerMinute: 10 });
    expect(await codeOf(kvs.set('a', 'x'.repeat(85 * KB)))).toBe('OK');
    expect(await codeOf(kvs.set('b', 'x'.repeat(15 * KB)))).toBe('RATE_LIMIT_EXCEEDED');
    expect(await codeOf(kvs.set('c', 1))).toBe('OK');
    expect(await codeOf(kvs.set('d', 1))).toBe('RATE_LIMIT_EXCEEDED');
    expect(await codeOf(kvs.get('a'))).toBe('OK');
  });

  it('refuses reads once the minute\'s read units are spent', async () => {
    pinned({ enabled: true, readUnitsPerMinute: 9 });
    await kvs.set('a', 'x'.repeat(85 * KB));
    expect(await codeOf(kvs.get('a'))).toBe('OK');
    expect(await codeOf(kvs.get('a'))).toBe('RATE_LIMIT_EXCEEDED');
  });
});

describe('storage key, value and transaction checks', () => {
  it('refuses a key longer than 500 characters with KEY_TOO_LONG and a malformed key with INVALID_KEY', async () => {
    testEmulator();
    expect(await codeOf(kvs.set('k'.repeat(501), 1))).toBe('KEY_TOO_LONG');
    expect(await codeOf(kvs.set('bad/key', 1))).toBe('INVALID_KEY');
  });

  it('refuses a value over 240 KiB with MAX_SIZE and one nested deeper than 32 levels with MAX_DEPTH', async () => {
    testEmulator();
    let deep: unknown = 1;
    for (let i = 0; i < 33; i++) deep = { d: deep };
    expect(await codeOf(kvs.set('big', 'x'.repeat(241 * KB)))).toBe('MAX_SIZE');
    expect(await codeOf(kvs.set('deep', deep))).toBe('MAX_DEPTH');
  });

  it('refuses a transaction naming one key twice, and applies none of an invalid transaction', async () => {
    testEmulator();
    expect(await codeOf(kvs.transact().set('a', 1).set('a', 2).execute())).not.toBe('OK');
    expect(await codeOf(kvs.transact().set('ok', 1).set('bad/key', 2).execute())).toBe('INVALID_KEY');
    expect(await kvs.get('ok')).toBeUndefined();
  });
});

describe('storage keys that name Object members', () => {
  it('stores, reads and deletes keys such as __proto__ and toString as ordinary keys', async () => {
    testEmulator();
    expect(await kvs.get('toString')).toBeUndefined();
    await kvs.set('__proto__', { forged: true });
    expect(await kvs.get('__proto__')).toEqual({ forged: true });
    expect(await kvs.get('constructor')).toBeUndefined();
    await kvs.delete('__proto__');
    expect(await kvs.get('__proto__')).toBeUndefined();
  });
});
