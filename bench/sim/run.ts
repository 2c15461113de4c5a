/**
 * The site-scale simulation: seeds a project, then runs the workload phase by phase and prints one
 * JSON line per phase (see docs/reference/scale.md for the fields and the measured table).
 */
import { USERS } from '../../emulator/jira/catalog';
import { instantiatePreset, type PolicySpec, type SiteMetadata } from '@core';
import { runReconcile } from '../../src/app/reconcile';
import { startReindex } from '../../src/app/reindex';
import { loadConfig, saveConfig } from '../../src/store/config';
import { listDue } from '../../src/store/dueIndex';
import { naivePath, scopeIds, staleProperties } from './check';
import type { StaleDetail } from './staleDetail';
import { dayOfEvents } from './day';
import { emptyTally, type Tally } from './limits';
import { addProject, PROJECT, seedIssues } from './seed';
import { SimWorld } from './world';

export interface SimOptions {
  issues: number;
  root: string;
  naive?: boolean;
  /** Product events in the working day (default issues / 20) and the seed of the site's history (default 11). */
  dayEvents?: number;
  seed?: number;
  /** UTC hour the working day starts at (default: as soon as the settings-save recompute has converged, which grows with size). */
  dayStartHour?: number;
  /** Storage read and write units a minute (default: Forge's documented 4,000); lower to exercise refusals. */
  storageUnitsPerMinute?: number;
}

/** Monday 2 March 2026, 08:00 UTC: the working day the events happen on. */
export const START = Date.UTC(2026, 2, 2, 8);
const RESOLVED_SINCE = '2026-02-01';

function metadata(world: SimWorld): SiteMetadata {
  const d = world.site.data;
  return {
    priorities: d.priorities, issueTypes: d.issueTypes,
    statuses: d.statuses.map((s) => ({ id: s.id, name: s.name, category: s.category })),
    selectFields: d.selectFields.map((f) => ({ id: f.id, name: f.name, options: f.options.map((o) => ({ id: o.id, name: o.value })) })),
  };
}

async function save(world: SimWorld, policy: PolicySpec): Promise<void> {
  // The admin's save; storage may refuse it for the rest of a busy minute, and the admin saves again.
  for (let tries = 0; tries < 10; tries++) {
    try {
      return await saveOnce(world, policy);
    } catch {
      world.clock.advance(60_000);
    }
  }
  throw new Error('settings save refused by storage ten times');
}

async function saveOnce(world: SimWorld, policy: PolicySpec): Promise<void> {
  const version = (await loadConfig(PROJECT.id))?.version ?? 0;
  const saved = await saveConfig({ projectId: PROJECT.id, policy, expectedVersion: version, updatedBy: USERS.admin, updatedAt: new Date(world.clock.now()).toISOString() });
  if (!saved.ok) throw new Error('settings save refused');
  await startReindex(world.deps, world.client(), PROJECT.id, saved.value.version, RESOLVED_SINCE);
}

/** Runs queued work, resuming parked chains with sweeps, until nothing is queued and nothing is due. */
async function converge(world: SimWorld, tag: string): Promise<void> {
  for (let round = 0; round < 10_000; round++) {
    await world.drain();
    const due = await world.referee(() => listDue(world.clock.now(), 1));
    const parked = world.kvs.state.kv && Object.keys(world.kvs.state.kv).some((k) => k.startsWith('chain:'));
    if (due.entries.length === 0 && !parked) return;
    // The next scheduled sweep: five minutes on.
    world.clock.advance(5 * 60_000);
    await world.sweep(tag);
  }
  throw new Error('the simulation did not converge');
}

interface Line { phase: string; [k: string]: unknown }

type Ops = Record<string, { requests: number; readUnits: number; writeUnits: number }>;

/** Storage requests and units by operation since `from` (all work of the period, whatever its tag). */
function opsSince(world: SimWorld, from: Ops): Ops {
  const out: Ops = {};
  for (const [op, u] of Object.entries(world.storage.state.ops)) {
    const f = from[op] ?? { requests: 0, readUnits: 0, writeUnits: 0 };
    if (u.requests > f.requests) out[op] = { requests: u.requests - f.requests, readUnits: u.readUnits - f.readUnits, writeUnits: u.writeUnits - f.writeUnits };
  }
  return out;
}

function line(world: SimWorld, phase: string, tag: string, from: { at: number; cpu: NodeJS.CpuUsage; ops: Ops }, extra: Record<string, unknown>): Line {
  const jira: Tally = world.jiraMeter.tallies.get(tag) ?? emptyTally();
  const m = world.meter.tally(tag);
  const cpu = process.cpuUsage(from.cpu);
  return {
    phase,
    jira: { requests: jira.requests, points: jira.points, byEndpoint: jira.byEndpoint },
    http429: { ...jira.http429, ...m.forge429 },
    events: { pushed: m.eventsPushed, peakPerMinute: world.meter.peakEventsPerMinute(Math.floor(from.at / 60_000)), triggers: m.triggers },
    thrown: m.thrown,
    lost: m.lost,
    storage: { ...m.storage, peakUnitsPerMinute: world.meter.peakUnitsPerMinute(Math.floor(from.at / 60_000)), byOperation: opsSince(world, from.ops) },
    simulatedMinutes: Math.round((world.clock.now() - from.at) / 60_000),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  };
}

const mark = (world: SimWorld) => ({ at: world.clock.now(), cpu: process.cpuUsage(), ops: JSON.parse(JSON.stringify(world.storage.state.ops)) as Ops });
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10) / 10);

const inScope = (world: SimWorld) => scopeIds(world, PROJECT.id, RESOLVED_SINCE);

/** `stale`, and when it is not 0, why for the first few (`staleSample`). */
async function staleness(world: SimWorld): Promise<{ stale: number; staleSample?: StaleDetail[] }> {
  const out: StaleDetail[] = [];
  const stale = await world.referee(() => staleProperties(world, PROJECT.id, inScope(world), { limit: 5, out }));
  return stale ? { stale, staleSample: out } : { stale };
}

function seedPhase(world: SimWorld, issues: number, seed?: number): Line {
  const t = mark(world);
  addProject(world.site.data);
  seedIssues(world.site.data, issues, START, seed);
  const histories = world.site.data.issues.reduce((n, i) => n + i.changelog.length, 0);
  const comments = world.site.data.issues.reduce((n, i) => n + i.comments.length, 0);
  return { phase: 'seed', issues, histories, comments, open: scopeIds(world, PROJECT.id, null).length, cpuMs: Math.round(process.cpuUsage(t.cpu).user / 1000) };
}

/** A settings save and the project recompute it starts, until everything has converged. */
async function savePhase(world: SimWorld, phase: string, tag: string, presetId: string): Promise<Line> {
  const t = mark(world);
  world.tag = tag;
  await save(world, instantiatePreset(presetId, metadata(world)).policy);
  await converge(world, tag);
  return line(world, phase, tag, t, { inScope: inScope(world).length, ...(await staleness(world)) });
}

async function withNaive(world: SimWorld, recompute: Line): Promise<Line> {
  const naive = await naivePath(world, PROJECT.id, inScope(world));
  const j = recompute.jira as { requests: number; points: number };
  const ratios = { requests: ratio(naive.tally.requests, j.requests), points: ratio(naive.tally.points, j.points) };
  return { ...recompute, naive: { requests: naive.tally.requests, points: naive.tally.points, http429: naive.tally.http429, simulatedMinutes: naive.simulatedMinutes }, ratios };
}

/** A working day of events with the sweep; two lines, one per source of work. */
async function dayPhase(world: SimWorld, issues: number, o: SimOptions): Promise<Line[]> {
  const events = o.dayEvents ?? Math.max(20, Math.round(issues / 20));
  if (o.dayStartHour !== undefined) world.clock.advance(Math.max(0, START - 8 * 3_600_000 + o.dayStartHour * 3_600_000 - world.clock.now()));
  const t = mark(world);
  world.deliverEvents = true;
  const day = await dayOfEvents(world, events, Math.max(2, Math.round(events / 25)));
  await converge(world, 'sweep');
  world.deliverEvents = false;
  const stale = await staleness(world);
  return [
    line(world, 'working-day-events', 'events', t, { productEvents: day.events, created: day.created, ...stale }),
    line(world, 'working-day-sweep', 'sweep', t, { sweeps: day.sweeps, ...stale }),
  ];
}

/**
 * Drift events cannot show (1 % of in-scope properties edited by hand in Jira, keeping their shape), then the hourly
 * reconciliation pass until its round is finished, and the recomputes it queues.
 */
async function reconcilePhase(world: SimWorld): Promise<Line> {
  const t = mark(world);
  world.tag = 'reconcile';
  const edited = inScope(world).filter((_, i) => i % 100 === 0);
  for (const id of edited) {
    const issue = world.site.issue(id);
    const sla = issue?.properties.sla as Record<string, unknown> | undefined;
    // A plausible hand edit: the shape stays, a JQL-visible value flips (its signature no longer matches).
    if (issue && sla) issue.properties.sla = { ...sla, breached: sla.breached === 'true' ? 'false' : 'true' };
  }
  let runs = 0;
  for (; runs < 200; runs++) {
    world.tag = 'reconcile';
    // The hourly scheduled run; one that storage refused is missed, as a scheduled trigger is.
    const report = await runReconcile(world.deps).catch(() => (world.meter.lost('reconcile', 'storage refused'), null));
    await world.drain();
    if (report?.unfinished === 0) break;
    world.clock.advance(60 * 60_000);
  }
  await converge(world, 'reconcile');
  return line(world, 'reconciliation', 'reconcile', t, { editedByHand: edited.length, runs: runs + 1, ...(await staleness(world)) });
}

export async function runSim(o: SimOptions, print: (l: Line) => void): Promise<Line[]> {
  const out: Line[] = [];
  const emit = (l: Line) => (out.push(l), print(l));
  const world = new SimWorld(o.root, START);
  if (o.storageUnitsPerMinute) Object.assign(world.storage.config, { readUnitsPerMinute: o.storageUnitsPerMinute, writeUnitsPerMinute: o.storageUnitsPerMinute });
  emit(seedPhase(world, o.issues, o.seed));
  emit(await savePhase(world, 'install-backfill', 'install', 'idalko-standard'));
  const recompute = await savePhase(world, 'settings-save-recompute', 'recompute', 'idalko-premium');
  emit(o.naive === false ? recompute : await withNaive(world, recompute));
  for (const l of await dayPhase(world, o.issues, o)) emit(l);
  emit(await reconcilePhase(world));
  return out;
}
