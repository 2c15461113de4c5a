/**
 * The stored `sla` property on the demo site, driven through the real app: it equals a fresh
 * evaluation at every hour between checks, and it converges after lost work or a hand edit.
 */
import { seedDemo } from '../../emulator/seed';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USERS } from '../../emulator/jira/catalog';
import { comment, transition } from '../../emulator/server/actions';
import { call, teardown } from './helpers';
import { appInEmulatorSuite, claimedActions, demoEmulator, dueBreachIds, freshIssues, HOUR, mismatches, recordActions, SEEDED_UNTIL, sortActions, type SentAction } from './storedState';

appInEmulatorSuite();


const responsePhase = (sla: unknown): unknown => (sla as { metrics?: Record<string, { phase?: string }> } | undefined)?.metrics?.response?.phase;

describe('the stored SLA state on the demo site', () => {
  it('equals a fresh evaluation at every hour of 48 h across a weekend and a holiday (0 mismatches)', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    // From the seed to Sunday 6 Dec 2026 12:00 UTC: the window spans Sunday, Monday and
    // Tuesday 8 Dec, a public holiday in Madrid (the MAD project's calendar).
    const start = Date.parse('2026-12-06T12:00:00Z');
    if (emu.clock.now() < start) await emu.advance(start - emu.clock.now());
    expect(freshIssues(emu)).toHaveLength(12);
    await emu.drain();
    const found: Array<{ at: string; keys: string[] }> = [];
    for (let h = 0; h <= 48; h++) {
      if (h > 0) await emu.advance(HOUR);
      const wrong = await mismatches(emu);
      if (wrong.length) found.push({ at: new Date(emu.clock.now()).toISOString(), keys: wrong.map((m) => m.key) });
    }
    expect(found).toEqual([]);
  });

  it('converges after a hard restart mid-storm: within 24 h no stale property, every due breach action sent exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-restart-'));
    try {
      const sent: SentAction[] = [];
      const first = demoEmulator(dir);
      recordActions(first, sent);
      expect(await seedDemo(first, SEEDED_UNTIL)).toEqual([]);
      // A storm of new and changed issues, then the process dies with its queued work unsaved.
      const keys = freshIssues(first);
      for (const key of keys.slice(0, 6)) comment(first, key, { text: 'Any news?', as: USERS.customerCarla });
      for (const key of keys.slice(6, 9)) transition(first, key, { status: 'In Progress' });
      first.runtime?.pump.clear();
      first.close();
      teardown();
      const second = demoEmulator(dir);
      recordActions(second, sent);
      expect((await mismatches(second)).length).toBeGreaterThan(0);
      for (let h = 0; h < 24; h++) await second.advance(HOUR);
      expect(await mismatches(second)).toEqual([]);
      const due = await dueBreachIds(second);
      expect(due.length).toBeGreaterThan(0);
      expect(due.filter((id) => second.kvs.state.kv[id] === undefined)).toEqual([]);
      expect(sortActions(sent)).toEqual(sortActions(await claimedActions(second)));
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('repairs within 24 h a property a user overwrote, even one copied with its signature', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    await emu.advance(HOUR);
    // The victim has nothing scheduled (no check, no event): only reconciliation can notice the forgery.
    const settled = (i: { properties: Record<string, unknown> }) => (i.properties.sla as { checkAt?: unknown } | undefined)?.checkAt === null;
    const victim = emu.site.data.issues.find(settled);
    const donor = emu.site.data.issues.find((i) => i !== victim && i.properties.sla && !settled(i));
    const forged = { ...(donor!.properties.sla as object) };
    expect(call(emu, 'PUT', `/rest/api/3/issue/${victim!.id}/properties/sla`, forged, USERS.agentAna).status).toBeLessThan(300);
    expect(victim!.properties.sla).toEqual(forged);
    for (let h = 0; h < 24; h++) await emu.advance(HOUR);
    expect(victim!.properties.sla).not.toEqual(forged);
    expect(await mismatches(emu)).toEqual([]);
  });

  it('repairs within 24 h a hand-written value on a resolved issue that carries no policy version', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    for (let h = 0; h < 3; h++) await emu.advance(HOUR);
    // A resolved issue not updated since the last round is outside the delta search; only the audit walk
    // can find it, and only through an indexed value.
    const quiet = emu.clock.now() - 2 * HOUR;
    const victim = emu.site.data.issues.find((i) => i.fields.resolution !== null && i.updated < quiet && i.properties.sla !== undefined);
    const junk = { breached: 'true', breachedMetrics: ['resolution'] };
    expect(call(emu, 'PUT', `/rest/api/3/issue/${victim!.id}/properties/sla`, junk, USERS.agentAna).status).toBeLessThan(300);
    for (let h = 0; h < 24; h++) await emu.advance(HOUR);
    expect(victim!.properties.sla).not.toEqual(junk);
    expect(await mismatches(emu)).toEqual([]);
  });

  it('repairs in the next hourly run an issue whose event was lost just before a later event of the same second arrived', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    const issue = emu.site.data.issues.find((i) => i.fields.summary === 'Outlook crashes on start')!;
    expect(responsePhase(issue.properties.sla)).toBe('breachedRunning');
    // The agent's reply ends the first-response clock, but its event never reaches the app; the
    // customer's comment right after it does, and is recomputed from the history mirror.
    emu.faults.lostInvocations = { trigger: 1, consumer: 0, scheduled: 0 };
    comment(emu, issue.key, { text: 'Looking into it', as: USERS.agentAna });
    comment(emu, issue.key, { text: 'Still broken', as: USERS.customerCarla });
    await emu.drain();
    expect(emu.runtime?.counters.lostInvocations).toBe(1);
    expect(responsePhase(issue.properties.sla)).toBe('breachedRunning');
    await emu.advance(HOUR);
    expect(responsePhase(issue.properties.sla)).toBe('breachedCompleted');
    expect(await mismatches(emu)).toEqual([]);
  });
});
