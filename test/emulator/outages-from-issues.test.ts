/**
 * Outages recorded as issues, through the real app in the emulator: an admin points the uptime tab at
 * an issue type and its two date-time fields, and the month's statement counts those issues'
 * outages together with the recorded ones (overlaps once), only where the viewer can open the issue.
 */
import { startEmulator, type RunningEmulator } from '../../emulator';
import { USERS } from '../../emulator/jira/catalog';
import type { DataOf, Envelope, OutageSourceDto, ResolverKey } from '@contract';

let running: RunningEmulator;
const MONTH = '2026-03';
const SOURCE: OutageSourceDto = { issueTypeId: '10100', startFieldId: 'customfield_10060', endFieldId: 'customfield_10061', service: 'API', serviceFieldId: null, customerFieldId: null };

// Seeding the demo site runs the app over every demo issue: seconds on a busy 2-core machine.
beforeAll(async () => {
  running = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: true, log: () => undefined });
}, 60_000);

afterAll(async () => {
  await running.close();
});

async function call<K extends ResolverKey>(key: K, payload: unknown, accountId: string = USERS.admin): Promise<Envelope<DataOf<K>>> {
  const { emu } = running;
  const project = emu.site.project('SUP');
  if (!project || !emu.runtime) throw new Error('the seeded SUP project or the Forge runtime is missing');
  const extension = { type: 'jira:projectPage', project: { id: project.id, key: project.key } };
  return (await emu.runtime.invokeResolver({ moduleKey: 'sla-report', accountId, functionKey: key, payload, extension })) as Envelope<DataOf<K>>;
}

function outageIssue(start: string, end: string, security: string | null = null): string {
  const project = running.emu.site.project('SUP');
  const issue = running.emu.site.createIssue(project?.id ?? '', {
    summary: 'Database failover', issuetype: '10100', security, custom: { customfield_10060: start, customfield_10061: end },
  }, { accountId: USERS.admin, self: false });
  return issue.key;
}

const downtime = (r: Envelope<DataOf<'uptime.get'>>) => (r.ok ? r.data.statements.find((s) => s.service === 'API' && s.customer === null)?.downtimeMs ?? 0 : -1);

describe('outages from issues', () => {
  it('are refused to a browse-only user and saved by an admin', async () => {
    expect(await call('uptime.saveSource', { source: SOURCE }, USERS.agentAna)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('uptime.saveSource', { source: SOURCE })).toEqual({ ok: true, data: { source: SOURCE } });
    const fields = await call('uptime.sourceFields', {});
    expect(fields.ok && fields.data.dateTimeFields.map((f) => f.name)).toEqual(expect.arrayContaining(['Outage start', 'Outage end']));
  });

  it('count in the statement with recorded outages, an overlap once, and only issues the viewer can open', async () => {
    const key = outageIssue('2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z');
    outageIssue('2026-03-05T10:00:00.000Z', '2026-03-05T12:00:00.000Z', '10100');
    const rev = (await call('uptime.get', { month: MONTH, timeZone: 'UTC' })) as { ok: true; data: { rev: number } };
    const recorded = { service: 'API', start: '2026-03-02T10:30:00Z', end: '2026-03-02T11:30:00Z', description: 'Failover' };
    expect((await call('uptime.saveOutage', { expectedRev: rev.data.rev, outage: recorded })).ok).toBe(true);
    const admin = await call('uptime.get', { month: MONTH, timeZone: 'UTC' });
    expect(admin.ok && admin.data.issueOutages.map((o) => o.description)).toEqual([`${key} Database failover`, expect.stringContaining('Database failover')]);
    expect(downtime(admin)).toBe((90 + 120) * 60_000);
    expect(downtime(await call('uptime.get', { month: MONTH, timeZone: 'UTC' }, USERS.agentAna))).toBe(90 * 60_000);
  });
});
