/**
 * The simulated installation, in one process on simulated time: the emulated Jira site behind the
 * emulator's Jira limiters, the emulated KVS behind the emulator's storage limiter (refusing, not only
 * counting), Forge's async-event queue behind the emulator's queue limits (50 events a push, 500 a
 * minute), with Forge's redelivery rules, and the app's real handlers. Nothing sleeps: waiting
 * advances the simulated clock. Limits: bench/sim/limits.ts.
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
import { documentedQueue, documentedStorage, TaggedJiraMeter } from './limits';
import { Meter } from './meter';

export const BASE = 'https://sim.atlassian.net';
export const APP = 'acc-app-sla-clock';
/** Simulated time one Jira request takes. */
const REQUEST_MS = 60;
/** Simulated time one app storage request takes. */
const STORAGE_MS = 10;
/** Retries an invocation may request (InvocationError) before Forge drops the event. */
const MAX_REDELIVERIES = 4;
/** A function that threw is redelivered with back-off (10 s doubling, at most 15 min) for up to 24 h. */
const thrownBackoffS = (n: number) => Math.min(900, 10 * 2 ** n);
const RETENTION_MS = 24 * 3_600_000;

type Work = { kind: 'job'; body: RecomputeJob } | { kind: 'trigger'; payload: Record<string, unknown> };
interface Queued { at: number; work: Work; retries: number; thrown: number; firstAt: number; tag: string }

export class SimWorld {
  readonly clock: EmulatorClock;
  readonly site: JiraSite;
  readonly kvs: KvsStore;
  /** What the simulation is doing now; counts are kept per tag. */
  tag = 'setup';
  readonly meter = new Meter(() => this.tag);
  readonly jiraMeter: TaggedJiraMeter;
  readonly storage = documentedStorage();
  readonly queueMeter = documentedQueue(() => this.clock.now());
  readonly deps: Deps;
  /** The manifest's indexed `sla` paths, so JQL on the property (reconciliation) works. */
  readonly propertyIndexes: PropertyIndex[];
  private queue: Queued[] = [];
  /** Product events are delivered to the trigger when on (the day phase). */
  deliverEvents = false;
  readonly pendingTriggers: Array<Record<string, unknown>> = [];

  constructor(root: string, startMs: number) {
    this.clock = createClock(startMs - Date.now());
    installClock(this.clock);
    this.site = new JiraSite(() => this.clock.now(), emptySite());
    const manifest = loadManifest(join(root, 'manifest.yml'));
    this.propertyIndexes = manifest.propertyIndexes;
    this.kvs = new KvsStore(emptyKvs(), () => this.clock.now(), () => manifest.entityIndexes);
    this.kvs.gate = (path, body, apply) => this.storage.handle(path, body, this.clock.now(), apply);
    this.jiraMeter = new TaggedJiraMeter(this.site, () => this.clock.now(), () => this.tag);
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

  /** Jira as the app: the emulator's limiters (router meter hook), then the emulated site; every request takes REQUEST_MS. */
  private async jira(method: string, path: string, query: URLSearchParams, body: unknown) {
    this.clock.advance(REQUEST_MS);
    return handleJira({ method, path, query, body, actor: { accountId: APP, self: true } }, { site: this.site, base: BASE, now: () => this.clock.now(), indexes: () => this.propertyIndexes, meter: this.jiraMeter });
  }

  private readonly transport: JiraTransport = async (route, init): Promise<ResponseLike> => {
    const url = new URL(route.value, BASE);
    const body = init.body ? (JSON.parse(init.body) as unknown) : undefined;
    const res = await this.jira(init.method, url.pathname, url.searchParams, body);
    const headers = new Map(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { status: res.status, headers: { get: (n) => headers.get(n.toLowerCase()) ?? null }, text: async () => (res.body === undefined ? '' : JSON.stringify(res.body)) };
  };

  /** Forge's push through the emulator's queue limits; a refusal throws as @forge/events does (RateLimitError on 429). */
  private async push(events: Array<PushEvent<RecomputeJob>>): Promise<void> {
    const refused = this.queueMeter.admit(events);
    if (refused) {
      this.meter.http429(refused.status === 429 ? 'forge-events-per-minute' : `forge-push-${refused.status}`);
      throw new Error(refused.status === 429 ? 'RateLimitError: too many events' : `push refused (${refused.status})`);
    }
    this.meter.events(events.length, Math.floor(this.clock.now() / 60_000));
    const now = this.clock.now();
    for (const e of events) this.queue.push({ at: now + (e.delayInSeconds ?? 0) * 1000, work: { kind: 'job', body: e.body }, retries: 0, thrown: 0, firstAt: now, tag: this.tag });
  }

  /** Delivers product events to the trigger function (a refused one comes again as Forge redelivers it). */
  async runTriggers(): Promise<void> {
    while (this.pendingTriggers.length) {
      const payload = this.pendingTriggers.shift() as Record<string, unknown>;
      this.tag = 'events';
      await this.run({ at: this.clock.now(), work: { kind: 'trigger', payload }, retries: 0, thrown: 0, firstAt: this.clock.now(), tag: 'events' });
    }
  }

  /** One invocation with Forge's rules: a requested retry (at most 4), a throw redelivered with back-off (a trigger's is lost). */
  private async run(next: Queued): Promise<void> {
    this.tag = next.tag;
    if (next.work.kind === 'trigger') this.meter.tally().triggers++;
    let result: unknown;
    try {
      result = next.work.kind === 'job'
        ? await handleRecompute(this.deps, { body: next.work.body, ...(next.retries ? { retryContext: { retryCount: next.retries } } : {}) })
        : await handleIssueEvent(this.deps, next.work.payload);
    } catch (e) {
      this.meter.thrown(next.work.kind);
      const at = this.clock.now() + thrownBackoffS(next.thrown) * 1000;
      if (next.work.kind === 'job' && at - next.firstAt <= RETENTION_MS) this.queue.push({ ...next, at, thrown: next.thrown + 1 });
      else this.meter.lost(next.work.kind, e instanceof Error ? e.message : String(e));
      return;
    }
    const retry = result as { retryOptions?: { retryAfter?: number } } | undefined;
    if (retry?.retryOptions && next.retries < MAX_REDELIVERIES) this.queue.push({ ...next, at: this.clock.now() + (retry.retryOptions.retryAfter ?? 1) * 1000, retries: next.retries + 1 });
    else if (retry?.retryOptions) this.meter.lost(next.work.kind, 'out of redeliveries');
  }

  /** Runs queued invocations until the queue is empty or `until` (simulated ms) is reached; answers whether it emptied. */
  async drain(until = Infinity): Promise<boolean> {
    while (this.queue.length) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0] as Queued;
      if (next.at > until) return false;
      this.queue.shift();
      if (next.at > this.clock.now()) this.clock.advance(next.at - this.clock.now());
      await this.run(next);
    }
    return true;
  }

  /** The scheduled sweep; a run that threw (storage refused) is missed, as a scheduled trigger is; the next run takes its work. */
  async sweep(tag = 'sweep'): Promise<void> {
    this.tag = tag;
    try {
      await runSweep(this.deps);
    } catch (e) {
      this.meter.lost('sweep', e instanceof Error ? e.message : String(e));
    }
  }

  /** The simulation's own look at storage (the referee, convergence checks): neither limited nor counted with the app. */
  async referee<T>(look: () => Promise<T>): Promise<T> {
    const tag = this.tag;
    this.tag = 'referee';
    this.storage.config.enabled = false;
    try {
      return await look();
    } finally {
      this.storage.config.enabled = true;
      this.tag = tag;
    }
  }

  queued(): number {
    return this.queue.length;
  }

  client(): JiraClient {
    return this.deps.appJira(30_000);
  }
}
