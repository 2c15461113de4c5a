/**
 * State survives a restart through .emulator-state/state.json (site, KVS, clock, notification log,
 * queued work, scheduled-trigger slots, limiter configuration and counters), reset wipes it, a multi-step change is saved only once
 * complete, an unreadable file stops the start, and reordered delivery hands pending events over
 * newest first.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { Emulator } from '../../emulator/app';
import { parseManifest } from '../../emulator/forge/manifest';
import type { ForgeFunction } from '../../emulator/forge/runtime';
import { StateFileError } from '../../emulator/persistence';
import { handleControl } from '../../emulator/server/control';
import { call, createIssue, teardown, testEmulator, TEST_MANIFEST } from './helpers';

afterEach(teardown);

function persistent(dir: string, functions: Record<string, ForgeFunction> = {}): Emulator {
  return new Emulator({ root: process.cwd(), base: 'http://jira.test', stateDir: dir, manifest: parseManifest(TEST_MANIFEST), loadFunction: (_f, name) => functions[name] ?? (() => undefined) });
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'emu-state-'));
const addProject = (emu: Emulator) => emu.site.addProject({ key: 'SUP', name: 'Support', projectTypeKey: 'service_desk', leadAccountId: 'acc-admin-alex', admins: [] });

describe('emulator state', () => {
  it('keeps KVS values, issues and the clock offset across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
    const first = persistent(dir);
    first.site.addProject({ key: 'SUP', name: 'Support', projectTypeKey: 'service_desk', leadAccountId: 'acc-admin-alex', admins: [] });
    createIssue(first);
    await kvs.set('cfg:10000', { version: 3 });
    first.clock.advance(60_000);
    first.close();
    const second = persistent(dir);
    expect(second.restoredFromDisk).toBe(true);
    expect(second.site.issue('SUP-1')?.fields.summary).toBe('Printer on fire');
    expect(await kvs.get('cfg:10000')).toEqual({ version: 3 });
    expect(second.clock.offsetMs()).toBe(60_000);
    second.reset();
    second.close();
    expect(persistent(dir).restoredFromDisk).toBe(false);
  });

  it('keeps the notification log, queued events and the scheduled-trigger slot across a restart', async () => {
    const dir = tempDir();
    const first = persistent(dir);
    addProject(first);
    const { key } = createIssue(first);
    call(first, 'POST', `/rest/api/3/issue/${key}/notify`, { subject: 'Breached', textBody: 'late' });
    const sweepDue = first.snapshot().runtime?.nextRun.sweep;
    // Saved while the created event is still queued: the restart must deliver it.
    first.close();
    const delivered: string[] = [];
    const second = persistent(dir, { onEvent: (ev) => { delivered.push((ev as { eventType: string }).eventType); } });
    expect(second.site.notifications).toEqual([expect.objectContaining({ body: { subject: 'Breached', textBody: 'late' } })]);
    expect(second.snapshot().runtime?.nextRun.sweep).toBe(sweepDue);
    await second.drain();
    expect(delivered).toEqual(['avi:jira:created:issue']);
    second.close();
  });

  it('keeps the limiter configuration, request counters and open windows across a restart', async () => {
    const dir = tempDir();
    const at = 1_800_000_000_000;
    const first = persistent(dir);
    first.limits.now = () => at;
    await handleControl(first, 'POST', '/control/limits', { jira: { burst: { enabled: true, perSecond: 2 } }, storage: { enabled: true } }, async () => undefined);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.asApp().requestJira(route`/rest/api/3/priority`)).status);
    await kvs.set('counted', 1);
    const before = { config: first.limits.config(), endpoints: { ...first.limits.jira.state.endpoints }, storage: first.limits.storage.totals() };
    first.close();
    const second = persistent(dir);
    second.limits.now = () => at;
    expect(statuses).toEqual([200, 200, 429]);
    expect({ config: second.limits.config(), endpoints: { ...second.limits.jira.state.endpoints }, storage: second.limits.storage.totals() }).toEqual(before);
    // The burst window of that second is still full after the restart.
    expect((await api.asApp().requestJira(route`/rest/api/3/priority`)).status).toBe(429);
    second.close();
  });

  it('saves a multi-step change only once it is complete', async () => {
    const dir = tempDir();
    const emu = persistent(dir);
    await emu.atomically(async () => {
      addProject(emu);
      createIssue(emu);
      emu.persist();
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
    });
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']);
    emu.close();
  });

  it('refuses a truncated state file naming it and the reset command, and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"version":2,"site":{"issues":[');
    expect(() => persistent(dir)).toThrow(StateFileError);
    expect(() => persistent(dir)).toThrow(new RegExp(`${file}.*npm start -- --reset`));
    expect(readFileSync(file, 'utf8')).toBe('{"version":2,"site":{"issues":[');
  });

  it('treats __proto__ and toString as ordinary KVS keys, before and after a restart', async () => {
    const dir = tempDir();
    const first = persistent(dir);
    expect(await kvs.get('toString')).toBeUndefined();
    await kvs.set('__proto__', { forged: true });
    expect(await kvs.get('__proto__')).toEqual({ forged: true });
    expect(await kvs.get('forged')).toBeUndefined();
    first.close();
    persistent(dir);
    expect(await kvs.get('__proto__')).toEqual({ forged: true });
    expect(await kvs.get('constructor')).toBeUndefined();
  });

  it('delivers pending events newest first when reordering is injected', async () => {
    const seen: string[] = [];
    const emu = testEmulator({ onEvent: (ev) => { seen.push((ev as { eventType: string }).eventType); } });
    emu.faults.reorderEvents = true;
    const { key } = createIssue(emu);
    emu.site.addComment(emu.site.issue(key)!, 'hello', true, { accountId: 'acc-agent-ana', self: false });
    await emu.drain();
    expect(seen).toEqual(['avi:jira:commented:issue', 'avi:jira:created:issue']);
  });
});
