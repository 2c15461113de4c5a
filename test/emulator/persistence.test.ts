/**
 * State survives a restart through .emulator-state/state.json, reset wipes it, and reordered
 * delivery hands pending events over newest first.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { Emulator } from '../../emulator/app';
import { parseManifest } from '../../emulator/forge/manifest';
import { createIssue, teardown, testEmulator, TEST_MANIFEST } from './helpers';

afterEach(teardown);

function persistent(dir: string): Emulator {
  return new Emulator({ root: process.cwd(), base: 'http://jira.test', stateDir: dir, manifest: parseManifest(TEST_MANIFEST), loadFunction: () => () => undefined });
}

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
