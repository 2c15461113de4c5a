/**
 * The simulated installation, in one process on simulated time: the emulated Jira site behind the
 * rate limiters, the emulated KVS (counted in 10 KB units), Forge's async-event queue (50 events a
 * push, 500 events a minute per installation, at most 4 redeliveries) and the app's real handlers.
 * Nothing sleeps: waiting advances the simulated clock.
 */
import { join } from 'node:path';
import { createClock, installClock, type EmulatorClock } from '../../emulator/clock';
import { installForgeGlobals } from '../../emulator/forge/globals';
import { emptyKvs, KvsStore } from '../../emulator/forge/kvs';
import { loadManifest } from '../../emulator/forge/manifest';
import { eventPayload } from '../../emulator/forge/payloads';
import { handleJira } from '../../emulator/jira/api';
import { emptySite } from '../../emulator/jira/catalog';
import type { PropertyIndex } from '../../emulator/jira/jql/values';
import { JiraSite } from '../../emulator/jira/site';
import type { PushEvent } from '@forge/events';
import type { Deps, RecomputeJob } from '../../src/app/deps';
import { createJiraClient, type JiraClient } from '../../src/jira/client';
import { retryPolicy, type JiraTransport, type ResponseLike } from '../../src/jira/http';
import { handleRecompute } from '../../src/handlers/consumer';
import { handleIssueEvent } from '../../src/handlers/issueEvents';
import { runSweep } from '../../src/app/sweep';
import { JiraLimiter, type LimitSettings } from './jiraLimits';
import { Meter } from './meter';

export const BASE = 'https://sim.atlassian.net';
export const APP = 'acc-app-sla-clock';
/** Simulated time one Jira request takes. */
const REQUEST_MS = 60;
/** Simulated time one app storage request takes. */
const STORAGE_MS = 10;
const EVENTS_PER_MINUTE = 500;
const MAX_REDELIVERIES = 4;

interface Queued { at: number; body: RecomputeJob; retries: number; tag: string }

export class SimWorld {
  readonly clock: EmulatorClock;
  readonly site: JiraSite;
  readonly kvs: KvsStore;
  /** What the simulation is doing now; counts are kept per tag. */
  tag = 'setup';
  readonly meter = new Meter(() => this.tag);
  readonly limiter: JiraLimiter;
  readonly deps: Deps;
  /** The manifest's indexed `sla` paths, so JQL on the property (reconciliation) works. */
  readonly propertyIndexes: PropertyIndex[];
  private queue: Queued[] = [];
  private pushesThisMinute = new Map<number, number>();
  /** Product events are delivered to the trigger when on (the day phase). */
  deliverEvents = false;

  constructor(root: string, startMs: number, limits: LimitSettings) {
    this.clock = createClock(startMs - Date.now());
    installClock(this.clock);
    this.site = new JiraSite(() => this.clock.now(), emptySite());
    const manifest = loadManifest(join(root, 'manifest.yml'));
    this.propertyIndexes = manifest.propertyIndexes;
    this.kvs = new KvsStore(emptyKvs(), () => this.clock.now(), () => manifest.entityIndexes);
    this.limiter = new JiraLimiter(limits, () => this.clock.now(), () => this.tag);
    installForgeGlobals({
      appAccountId: APP,
      jira: async (req) => this.jira(req.method, req.path, req.query, req.body),
      kvs: (path, body) => (this.clock.advance(STORAGE_MS), this.meter.storage(path, body, this.kvs.handle(path, body), this.clock.now())),
      stargate: () => ({ status: 404 }),
    });
    this.site.onEvent((e) => {
      if (!this.deliverEvents || e.selfGenerated) return;
      const payload = eventPayload(this.site, BASE, e);
      if (payload) this.pendingTriggers.push(payload);
    });
    this.deps = {
      appJira: (budgetMs, pacer) => createJiraClient(pacer ? pacer.transport(this.transport) : this.transport, retryPolicy(budgetMs, { sleep: async (ms) => void this.clock.advance(ms) })),
      userJira: () => createJiraClient(this.transport, retryPolicy(5_000)),
      queue: { push: async (events) => this.push(events) },
      now: () => this.clock.now(),
      log: { warn: () => undefined, error: (m, d) => this.meter.note(`${m} ${JSON.stringify(d ?? {})}`) },
      sleep: async (ms) => void this.clock.advance(ms),
    };
  }

  readonly pendingTriggers: Array<Record<string, unknown>> = [];

  /** Jira as the app: the limiters first, then the emulated site; every request takes REQUEST_MS. */
  private async jira(method: string, path: string, query: URLSearchParams, body: unknown) {
    this.clock.advance(REQUEST_MS);
    const issues = issueIdsOf(path, body);
    const verdict = this.limiter.admit(method, path, issues);
    if (!verdict.ok) return { status: 429, headers: verdict.headers, body: { errorMessages: ['Rate limit exceeded.'] } };
    const res = handleJira({ method, path, query, body, actor: { accountId: APP, self: true } }, { site: this.site, base: BASE, now: () => this.clock.now(), indexes: () => this.propertyIndexes });
    return { ...res, headers: { ...(res.headers ?? {}), ...verdict.headers, ...this.limiter.charge(method, path, res.body) } };
  }

  private readonly transport: JiraTransport = async (route, init): Promise<ResponseLike> => {
    const url = new URL(route.value, BASE);
    const body = init.body ? (JSON.parse(init.body) as unknown) : undefined;
    const res = await this.jira(init.method, url.pathname, url.searchParams, body);
    const headers = new Map(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { status: res.status, headers: { get: (n) => headers.get(n.toLowerCase()) ?? null }, text: async () => (res.body === undefined ? '' : JSON.stringify(res.body)) };
  };

  /** Forge's push: at most 50 events, and 500 events a minute per installation (RateLimitError otherwise). */
  private async push(events: Array<PushEvent<RecomputeJob>>): Promise<void> {
    if (events.length === 0 || events.length > 50) throw new Error(`a push holds 1 to 50 events, not ${events.length}`);
    const minute = Math.floor(this.clock.now() / 60_000);
    const used = this.pushesThisMinute.get(minute) ?? 0;
    if (used + events.length > EVENTS_PER_MINUTE) {
      this.meter.http429('forge-events-per-minute');
      throw new Error('RateLimitError: too many events');
    }
    this.pushesThisMinute.set(minute, used + events.length);
    this.meter.events(events.length, minute);
    for (const e of events) this.queue.push({ at: this.clock.now() + (e.delayInSeconds ?? 0) * 1000, body: e.body, retries: 0, tag: this.tag });
  }

  /** Delivers queued product events to the trigger function. */
  async runTriggers(): Promise<void> {
    while (this.pendingTriggers.length) {
      const payload = this.pendingTriggers.shift();
      this.tag = 'events';
      this.meter.tally().triggers++;
      await handleIssueEvent(this.deps, payload);
    }
  }

  /** Runs queued jobs until the queue is empty or `until` (simulated ms) is reached; answers whether it emptied. */
  async drain(until = Infinity): Promise<boolean> {
    while (this.queue.length) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0] as Queued;
      if (next.at > until) return false;
      this.queue.shift();
      if (next.at > this.clock.now()) this.clock.advance(next.at - this.clock.now());
      this.tag = next.tag;
      const result = await handleRecompute(this.deps, { body: next.body, ...(next.retries ? { retryContext: { retryCount: next.retries } } : {}) });
      const retry = result as { retryOptions?: { retryAfter?: number } } | undefined;
      if (retry?.retryOptions && next.retries < MAX_REDELIVERIES) this.queue.push({ ...next, at: this.clock.now() + (retry.retryOptions.retryAfter ?? 1) * 1000, retries: next.retries + 1 });
      else if (retry?.retryOptions) this.meter.note('an event ran out of redeliveries');
    }
    return true;
  }

  async sweep(tag = 'sweep'): Promise<void> {
    this.tag = tag;
    await runSweep(this.deps);
  }

  queued(): number {
    return this.queue.length;
  }

  client(): JiraClient {
    return this.deps.appJira(30_000);
  }
}

function issueIdsOf(path: string, body: unknown): string[] {
  const m = /\/issue\/(\d+)/.exec(path);
  if (m?.[1]) return [m[1]];
  const issues = (body as { issues?: Array<{ issueID?: unknown }> } | undefined)?.issues;
  return Array.isArray(issues) ? issues.map((i) => String(i.issueID)) : [];
}
