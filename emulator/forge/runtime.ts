/**
 * The emulated Forge runtime: wires what manifest.yml declares. Product events go to trigger
 * functions (honouring ignoreSelf), queue pushes to consumers (at-least-once, InvocationError
 * retries), scheduled triggers run on the emulator clock, and resolvers are invoked for the user
 * selected in the host page.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../clock';
import type { JiraSite, SiteEvent } from '../jira/site';
import { scope } from './globals';
import type { KvsReply } from './kvs';
import type { AppManifest } from './manifest';
import { eventPayload } from './payloads';
import { Pump, type Outcome, type SavedWorkItem, type WorkItem } from './pump';

/** What a queued item runs, as JSON: the state file keeps these and the closures are rebuilt. */
export type WorkSpec =
  | { kind: 'trigger'; moduleKey: string; payload: Record<string, unknown>; actorId: string }
  | { kind: 'consumer'; moduleKey: string; jobId: string; eventId: string; body: unknown }
  | { kind: 'scheduled'; moduleKey: string };

export interface RuntimeState {
  queue: SavedWorkItem[];
  nextRun: Record<string, number>;
  jobs: Record<string, { success: number; inProgress: number; failed: number }>;
}

function isWorkSpec(v: unknown): v is WorkSpec {
  const kind = (v as { kind?: unknown } | null)?.kind;
  return kind === 'trigger' || kind === 'consumer' || kind === 'scheduled';
}

export type ForgeFunction = (...args: unknown[]) => unknown;
export type FunctionLoader = (file: string, exportName: string) => ForgeFunction;

export interface DeliveryFaults { duplicateEvents: boolean; reorderEvents: boolean }

export interface ResolverCall {
  moduleKey: string;
  accountId: string;
  functionKey: string;
  payload: unknown;
  extension: Record<string, unknown>;
  extraContext?: Record<string, unknown>;
}

const INSTALL_CONTEXT = 'ari:cloud:jira::site/emulator';
const TRIGGER_MAX_ATTEMPTS = 5;
const CONSUMER_MAX_ATTEMPTS = 8;

/** InvocationError instances serialise to {_retry: true, retryOptions}; that is the wire contract. */
function retryRequest(result: unknown): Outcome | null {
  const r = result as { _retry?: unknown; retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } } | null;
  if (!r || typeof r !== 'object' || r._retry !== true) return null;
  const o = r.retryOptions ?? {};
  return { kind: 'retry', afterMs: Math.min(900, o.retryAfter ?? 1) * 1000, reason: o.retryReason ?? 'FUNCTION_RETRY_REQUEST', data: o.retryData };
}

export class ForgeRuntime {
  readonly pump: Pump;
  readonly jobs = new Map<string, { success: number; inProgress: number; failed: number }>();
  private readonly nextRun = new Map<string, number>();
  private readonly cache = new Map<string, ForgeFunction>();
  counters = { triggerInvocations: 0, consumerInvocations: 0, scheduledRuns: 0, resolverCalls: 0 };

  constructor(
    readonly manifest: AppManifest,
    private readonly load: FunctionLoader,
    private readonly site: JiraSite,
    private readonly clock: EmulatorClock,
    private readonly base: string,
    private readonly faults: DeliveryFaults,
    readonly log: (line: string) => void,
  ) {
    this.pump = new Pump(log);
    for (const s of manifest.scheduled) this.nextRun.set(s.key, clock.now() + s.intervalMs);
    for (const t of manifest.triggers.filter((x) => x.expression)) log(`not emulated: filter.expression of trigger ${t.key}; its events are delivered unfiltered`);
    site.onEvent((e) => this.onSiteEvent(e));
  }

  fn(functionKey: string): ForgeFunction {
    const cached = this.cache.get(functionKey);
    if (cached) return cached;
    const def = this.manifest.functions.get(functionKey);
    if (!def) throw new Error(`manifest.yml declares no function '${functionKey}'`);
    const f = this.load(def.file, def.exportName);
    this.cache.set(functionKey, f);
    return f;
  }

  private run<T>(accountId: string | null, moduleKey: string, body: () => Promise<T>): Promise<T> {
    return scope.run({ accountId, moduleKey, invocationId: randomUUID() }, body);
  }

  private enqueue(label: string, maxAttempts: number, spec: WorkSpec, delayMs = 0): void {
    const run = this.work(spec);
    if (!run) return;
    const copies = this.faults.duplicateEvents ? 2 : 1;
    this.pump.lifo = this.faults.reorderEvents;
    for (let i = 0; i < copies; i++) this.pump.enqueue({ label, maxAttempts, run, delayMs, spec });
  }

  /** Builds the closure for a queued item from its JSON spec (also after a restart). */
  private work(spec: WorkSpec): WorkItem['run'] | null {
    if (spec.kind === 'trigger') return this.triggerWork(spec);
    if (spec.kind === 'consumer') return this.consumerWork(spec);
    return this.scheduledWork(spec.moduleKey);
  }

  /** Queue, schedule and job stats as JSON, for the emulator's state file. */
  snapshot(): RuntimeState {
    return { queue: this.pump.snapshot(), nextRun: Object.fromEntries(this.nextRun), jobs: Object.fromEntries(this.jobs) };
  }

  restore(state: Partial<RuntimeState>): void {
    for (const [key, at] of Object.entries(state.nextRun ?? {})) if (this.nextRun.has(key)) this.nextRun.set(key, at);
    for (const [id, stats] of Object.entries(state.jobs ?? {})) this.jobs.set(id, stats);
    this.pump.restore(state.queue ?? [], (item) => (isWorkSpec(item.spec) ? this.work(item.spec) : null));
  }

  private onSiteEvent(e: SiteEvent): void {
    for (const t of this.manifest.triggers) {
      if (!t.events.includes(e.type) || (t.ignoreSelf && e.selfGenerated)) continue;
      const payload = eventPayload(this.site, this.base, e);
      if (!payload) continue;
      const spec: WorkSpec = { kind: 'trigger', moduleKey: t.key, payload, actorId: e.actorId };
      this.enqueue(`trigger ${t.key} ${e.type} issue ${e.issueId}`, TRIGGER_MAX_ATTEMPTS, spec);
    }
  }

  private triggerWork(spec: Extract<WorkSpec, { kind: 'trigger' }>): WorkItem['run'] | null {
    const t = this.manifest.triggers.find((x) => x.key === spec.moduleKey);
    if (!t) return null;
    return (attempt, retry) => this.run(null, t.key, async () => {
      this.counters.triggerInvocations++;
      const event = retry ? { ...spec.payload, retryContext: { retryCount: attempt - 1, retryReason: retry.reason, retryData: retry.data } } : spec.payload;
      try {
        const result = await this.fn(t.functionKey)(event, { installContext: INSTALL_CONTEXT, principal: { accountId: spec.actorId } });
        return retryRequest(result) ?? { kind: 'done' };
      } catch (err) {
        // Forge does not retry a trigger that threw; the event is lost, which the sweep must absorb.
        this.log(`trigger ${t.key}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        return { kind: 'done' };
      }
    });
  }

  /** The stargate endpoints @forge/events calls: publish, stats, cancel. */
  stargate(path: string, body: unknown): KvsReply {
    const b = (body ?? {}) as { queueName?: string; jobId?: string; payload?: Array<{ body?: unknown; delayInSeconds?: number }> };
    if (path.startsWith('/webhook/queue/publish')) {
      const consumer = this.manifest.consumers.find((c) => c.queue === b.queueName);
      if (!consumer) return { status: 400, body: { message: `no consumer for queue '${b.queueName}' in manifest.yml` } };
      const jobId = b.jobId ?? randomUUID();
      const stats = { success: 0, inProgress: b.payload?.length ?? 0, failed: 0 };
      this.jobs.set(jobId, stats);
      for (const ev of b.payload ?? []) this.deliver(consumer, jobId, ev.body, (ev.delayInSeconds ?? 0) * 1000);
      return { status: 201, body: {} };
    }
    if (path.startsWith('/webhook/queue/stats')) {
      const s = this.jobs.get(b.jobId ?? '');
      return s ? { status: 200, body: s } : { status: 404, body: { message: 'job not found' } };
    }
    if (path.startsWith('/webhook/queue/cancel')) return { status: 204 };
    return { status: 404, body: { message: `not emulated: ${path}` } };
  }

  private deliver(consumer: AppManifest['consumers'][number], jobId: string, body: unknown, delayMs: number): void {
    const spec: WorkSpec = { kind: 'consumer', moduleKey: consumer.key, jobId, eventId: randomUUID(), body };
    this.enqueue(`consumer ${consumer.key} job ${jobId.slice(0, 8)}`, CONSUMER_MAX_ATTEMPTS, spec, delayMs);
  }

  private consumerWork(spec: Extract<WorkSpec, { kind: 'consumer' }>): WorkItem['run'] | null {
    const consumer = this.manifest.consumers.find((c) => c.key === spec.moduleKey);
    if (!consumer) return null;
    return (attempt, retry) => this.run(null, consumer.key, async () => {
      this.counters.consumerInvocations++;
      const stats = this.jobs.get(spec.jobId) ?? { success: 0, inProgress: 0, failed: 0 };
      const event = { queueName: consumer.queue, jobId: spec.jobId, eventId: spec.eventId, body: spec.body, ...(retry ? { retryContext: { retryCount: attempt - 1, retryReason: retry.reason, retryData: retry.data } } : {}) };
      const result = await this.fn(consumer.functionKey)(event, { installContext: INSTALL_CONTEXT });
      const again = retryRequest(result);
      if (again) {
        if (attempt >= CONSUMER_MAX_ATTEMPTS) { stats.failed++; stats.inProgress = Math.max(0, stats.inProgress - 1); }
        return again;
      }
      stats.success++;
      stats.inProgress = Math.max(0, stats.inProgress - 1);
      return { kind: 'done' };
    });
  }

  /** Restarts every scheduled trigger's slot from the current emulator time (after the clock jumped). */
  resetSchedule(): void {
    for (const s of this.manifest.scheduled) this.nextRun.set(s.key, this.clock.now() + s.intervalMs);
  }

  /** Queues every scheduled trigger that is due on the emulator clock (or all, when forced). */
  runDueScheduled(force = false): number {
    let queued = 0;
    for (const s of this.manifest.scheduled) {
      const due = this.nextRun.get(s.key) ?? 0;
      const now = this.clock.now();
      if (!force && now < due) continue;
      // One run catches up a whole skipped stretch: a sweep looks at everything due, not one slot.
      const slots = Math.max(1, Math.ceil((now - due + 1) / s.intervalMs));
      this.nextRun.set(s.key, force ? now + s.intervalMs : due + slots * s.intervalMs);
      queued++;
      const run = this.scheduledWork(s.key);
      if (run) this.pump.enqueue({ label: `scheduled ${s.key}`, maxAttempts: 1, run, spec: { kind: 'scheduled', moduleKey: s.key } satisfies WorkSpec });
    }
    return queued;
  }

  private scheduledWork(moduleKey: string): WorkItem['run'] | null {
    const s = this.manifest.scheduled.find((x) => x.key === moduleKey);
    if (!s) return null;
    return () => this.run(null, s.key, async () => {
      this.counters.scheduledRuns++;
      await this.fn(s.functionKey)({ context: { cloudId: 'emulator', moduleKey: s.key }, contextToken: 'emulator' }, { installContext: INSTALL_CONTEXT });
      return { kind: 'done' };
    });
  }

  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const module = this.manifest.uiModules.find((m) => m.key === call.moduleKey);
    if (!module?.resolverFunction) throw new Error(`UI module '${call.moduleKey}' has no resolver in manifest.yml`);
    const user = this.site.user(call.accountId);
    const context = {
      accountId: call.accountId, accountType: user?.accountType === 'customer' ? 'customer' : 'licensed', cloudId: 'emulator',
      localId: `${call.moduleKey}-local`, moduleKey: call.moduleKey, environmentType: 'DEVELOPMENT', extension: call.extension, ...call.extraContext,
    };
    return this.run(call.accountId, call.moduleKey, async () => {
      this.counters.resolverCalls++;
      return this.fn(module.resolverFunction ?? '')({ call: { functionKey: call.functionKey, payload: call.payload }, context }, { principal: { accountId: call.accountId }, installContext: INSTALL_CONTEXT });
    });
  }
}
