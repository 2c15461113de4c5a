/**
 * Report opening time on a 100,000-issue project in the emulator: the aggregates of 100k issues
 * (two counted cycles each, spread over 12 months) are written straight into the emulated app
 * storage, then `report.get` for the 12 months is called through the emulated Forge runtime, as the
 * report page does. Target: ≤ 2 s. Run alone: `npx tsx bench/report.ts`.
 */
import { startEmulator } from '../emulator';
import { USERS } from '../emulator/jira/catalog';
import { REPORT_SHARD_ENTITY, shardKey, shardOf, type FiledIssue } from '../src/store/reportAggregates';
import { encodeShard } from '../src/store/reportShardCodec';

const ISSUES = 100_000;
const HOUR = 3_600_000;

function fill(entities: Record<string, Record<string, { value: unknown; createdAt: number; updatedAt: number }>>, projectId: string, end: number): void {
  const table = (entities[REPORT_SHARD_ENTITY] ??= {});
  const shards = new Map<string, { month: string; issues: Map<string, FiledIssue> }>();
  const year = 365 * 24 * HOUR;
  for (let i = 0; i < ISSUES; i++) {
    const issueId = String(100_000 + i);
    const stop = end - Math.floor((i / ISSUES) * year);
    const month = new Date(stop).toISOString().slice(0, 7);
    const key = shardKey(projectId, month, shardOf(issueId));
    const shard = shards.get(key) ?? { month, issues: new Map<string, FiledIssue>() };
    shards.set(key, shard);
    const elapsed = (i % 7) * HOUR;
    shard.issues.set(issueId, { k: `SUP-${i + 1}`, p: String((i % 4) + 1), c: [
      ['response', 'l1', stop - 2 * HOUR, stop - HOUR, (i % 90) * 60_000, HOUR, i % 90 < 60 ? 1 : 0, i % 90 < 60 ? null : stop - HOUR - 30 * 60_000],
      ['resolution', 'l1', stop - 10 * HOUR, stop, elapsed, 4 * HOUR, elapsed <= 4 * HOUR ? 1 : 0, elapsed <= 4 * HOUR ? null : stop - 2 * HOUR],
    ] });
  }
  for (const [key, { month, issues }] of shards) {
    table[key] = { value: { projectId, month, rev: 1, packed: encodeShard(month, issues) }, createdAt: end, updatedAt: end };
  }
}

export async function run(print: (line: object) => void): Promise<void> {
  const running = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: true, log: () => undefined });
  try {
    const { emu } = running;
    const project = emu.site.project('SUP');
    if (!project || !emu.runtime) throw new Error('the seeded SUP project or the Forge runtime is missing');
    const now = emu.clock.now();
    fill(emu.kvs.state.entities as never, project.id, now);
    const month = new Date(now).toISOString().slice(0, 7);
    const from = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
    const extension = { type: 'jira:projectPage', project: { id: project.id, key: project.key } };
    const payload = { fromMonth: from, toMonth: month, timeZone: 'Europe/Madrid', metricKey: null, goalId: null, priorityId: null };
    for (const run of [1, 2, 3]) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const res = (await emu.runtime.invokeResolver({ moduleKey: 'sla-report', accountId: USERS.admin, functionKey: 'report.get', payload, extension })) as { ok: boolean; data?: { cycleCount: number } };
      const ms = Math.round(performance.now() - t0);
      // CPU time of this process as well: on a shared machine wall time also counts other programs.
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
      print({ bench: 'report.get 12 months, 100k issues (emulator)', run, ms, cpuMs, ok: res.ok, cycles: res.data?.cycleCount ?? null, targetMs: 2000 });
    }
  } finally {
    await running.close();
  }
}

if (require.main === module) {
  run((line) => process.stdout.write(`${JSON.stringify(line)}\n`)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
