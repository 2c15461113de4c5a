/**
 * Uninstalling the app from the demo site through the control API: the app's real preUninstall
 * function removes the `sla` issue properties, then the emulator deletes the app's storage and stops
 * delivering events and scheduled runs to it.
 */
import { seedDemo } from '../../emulator/seed';
import { USERS } from '../../emulator/jira/catalog';
import { comment } from '../../emulator/server/actions';
import { handleControl } from '../../emulator/server/control';
import type { Emulator } from '../../emulator/app';
import { call } from './helpers';
import { appInEmulatorSuite, demoEmulator, freshIssues, HOUR, SEEDED_UNTIL } from './storedState';

appInEmulatorSuite();


const breachedByJql = (emu: Emulator): unknown[] => {
  const res = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'slaBreached is not EMPTY', fields: ['id'], maxResults: 100 });
  expect(res.status).toBe(200);
  return (res.body as { issues: unknown[] }).issues;
};
const withProperty = (emu: Emulator): string[] => emu.site.data.issues.filter((i) => 'sla' in i.properties).map((i) => i.key);
const storedRecords = (emu: Emulator): number => {
  const s = emu.kvs.state;
  return Object.keys(s.kv).length + Object.keys(s.secrets).length + Object.values(s.entities).reduce((n, rows) => n + Object.keys(rows).length, 0);
};
const uninstall = (emu: Emulator) => handleControl(emu, 'POST', '/control/uninstall', {}, async () => undefined);

describe('uninstalling the app from the emulator', () => {
  it('leaves no sla property on any issue, nothing for JQL to find, and empty app storage', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    expect(withProperty(emu).length).toBeGreaterThan(0);
    expect(breachedByJql(emu).length).toBeGreaterThan(0);
    expect(storedRecords(emu)).toBeGreaterThan(0);
    expect(await uninstall(emu)).toEqual({ status: 200, body: { preUninstallRuns: 1, failures: 0 } });
    expect(withProperty(emu)).toEqual([]);
    expect(breachedByJql(emu)).toEqual([]);
    expect(storedRecords(emu)).toBe(0);
  });

  it('delivers no product event or scheduled run to the app afterwards, until a reset', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    await uninstall(emu);
    const before = { ...emu.runtime!.counters };
    comment(emu, freshIssues(emu)[0] ?? emu.site.data.issues[0]!.key, { text: 'Still there?', as: USERS.customerCarla });
    expect((await emu.advance(2 * HOUR)).sweeps).toBe(0);
    expect(emu.runtime!.counters).toEqual(before);
    expect(withProperty(emu)).toEqual([]);
    expect(storedRecords(emu)).toBe(0);
    emu.reset();
    expect(emu.runtime!.installed).toBe(true);
  });

  it('goes on with the uninstall when the preUninstall function fails', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu, SEEDED_UNTIL)).toEqual([]);
    jest.spyOn(emu.runtime!, 'fn').mockReturnValue(() => Promise.reject(new Error('boom')));
    expect(await uninstall(emu)).toEqual({ status: 200, body: { preUninstallRuns: 1, failures: 1 } });
    expect(storedRecords(emu)).toBe(0);
    expect(emu.logLines.some((l) => l.includes('preUninstall sla-pre-uninstall failed, the uninstall goes on: boom'))).toBe(true);
  });
});
