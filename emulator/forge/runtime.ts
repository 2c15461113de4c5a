/**
 * The emulated Forge runtime: wires what manifest.yml declares. Product events go to trigger
 * functions (honouring ignoreSelf), queue pushes to consumers (at-least-once, InvocationError
 * retries, concurrency keys), scheduled triggers run on the emulator clock, and resolvers are
 * invoked for the user selected in the host page; an uninstall runs the `preUninstall` functions and
 * then delivers nothing more. Delivery semantics and their sources are listed in
 * docs/reference/emulator-limits.md.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../clock';
import { fire, loseInvocation, type Faults } from '../faults';
import type { JiraSite, SiteEvent } from '../jira/site';
import { defaultQueueLimits, emptyQueueMeter, QueueMeter } from '../limits/queue-limits';
import { concurrencyOf, INSTALL_CONTEXT, invocationArgs, retryRequest, type PushEvent } from './delivery';
import { scope } from './globals';
import type { KvsReply } from './kvs';
import type { AppManifest } from './manifest';
import { eventPayload } from './payloads';
import { Pump, type NewItem, type Outcome, type SavedWorkItem, type WorkItem } from './pump';

export type ForgeFunction = (...args: unknown[]) => unknown;
export type FunctionLoader = (file: string, exportName: string) => ForgeFunction;
export type DeliveryFaults = Faults;

export interface ResolverCall {
  moduleKey: string;
  accountId: string;
  functionKey: string;
  payload: unknown;
  extension: Record<string, unknown>;
  extraContext?: Record<string, unknown>;
}

interface JobStats { success: number; inProgress: number; failed: number }
/** Queue, schedule and job stats as JSON, for the emulator's state file. */
export interface RuntimeState { queue: SavedWorkItem[]; nextRun: Record<string, number>; jobs: Record<string, JobStats> }

/** Product events: "at most 4 retries" an InvocationError may ask for; the app assumes the same for queues. */
export const MAX_REQUESTED_RETRIES = 4;
/** Forge "Pre-uninstall trigger": the invocation times out after 55 seconds. */
export const PRE_UNINSTALL_TIMEOUT_MS = 55_000;

export class ForgeRuntime {
  readonly pump: Pump;
  readonly queue: QueueMeter;
  jobs: Record<string, JobStats> = Object.create(null) as Record<string, JobStats>;
  private nextRun: Record<string, number> = Object.create(null) as Record<string, number>;
  private readonly cache = new Map<string, ForgeFunction>();
  /** False after an uninstall, until the emulator next starts or is reset: the app then receives nothing. */
  installed = true;
  counters = { triggerInvocations: 0, consumerInvocations: 0, scheduledRuns: 0, resolverCalls: 0, lostInvocations: 0 };

  constructor(
    readonly manifest: AppManifest,
    private readonly load: FunctionLoader,
    private readonly site: JiraSite,
    private readonly clock: EmulatorClock,
    private readonly base: string,
    private readonly faults: Faults,
    readonly log: (line: string) => void,
  ) {
    this.queue = new QueueMeter(defaultQueueLimits(), emptyQueueMeter(), () => clock.now());
    this.pump = new Pump(log, { run: (item) => this.runItem(item), dropped: (item) => this.dropped(item) });
    for (const s of manifest.scheduled) this.nextRun[s.key] = clock.now() + s.intervalMs;
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

  snapshot(): RuntimeState {
    return JSON.parse(JSON.stringify({ queue: this.pump.snapshot(), nextRun: this.nextRun, jobs: this.jobs })) as RuntimeState;
  }

  restore(state: Partial<RuntimeState>): void {
    for (const [key, at] of Object.entries(state.nextRun ?? {})) if (key in this.nextRun) this.nextRun[key] = at;
    for (const [id, stats] of Object.entries(state.jobs ?? {})) this.jobs[id] = stats;
    this.pump.restore(state.queue ?? [], (item) => this.runnable(item));
  }

  /** Whether a saved item can still run: its kind is known and its module is still in manifest.yml. */
  private runnable(item: SavedWorkItem): boolean {
    const key = item.data && typeof item.data === 'object' ? item.data.moduleKey : undefined;
    if (item.kind === 'trigger') return this.manifest.triggers.some((t) => t.key === key);
    if (item.kind === 'consumer') return this.manifest.consumers.some((c) => c.key === key);
    return item.kind === 'scheduled' && this.manifest.scheduled.some((s) => s.key === key);
  }

  private run<T>(accountId: string | null, moduleKey: string, body: () => Promise<T>): Promise<T> {
    return scope.run({ accountId, moduleKey, invocationId: randomUUID() }, body);
  }

  private enqueue(item: NewItem): void {
    const copies = this.faults.duplicateEvents ? 2 : 1;
    this.pump.lifo = this.faults.reorderEvents;
    for (let i = 0; i < copies; i++) this.pump.enqueue(item);
  }

  private onSiteEvent(e: SiteEvent): void {
    if (!this.installed) return;
    for (const t of this.manifest.triggers) {
      if (!t.events.includes(e.type) || (t.ignoreSelf && e.selfGenerated)) continue;
      const payload = eventPayload(this.site, this.base, e);
      if (!payload) continue;
      this.enqueue({
        kind: 'trigger', label: `trigger ${t.key} ${e.type} issue ${e.issueId}`, maxRetries: MAX_REQUESTED_RETRIES, retryOnError: false,
        data: { moduleKey: t.key, functionKey: t.functionKey, payload, actorId: e.actorId ?? null },
      });
    }
  }

  private async runItem(item: WorkItem): Promise<Outcome> {
    if (loseInvocation(this.faults, item.kind)) {
      this.counters.lostInvocations++;
      this.log(`${item.label}: invocation lost (injected)`);
      return { kind: 'done' };
    }
    const d = item.data;
    const moduleKey = String(d.moduleKey);
    return this.run(null, moduleKey, async () => {
      const result = await this.invokeItem(item);
      const again = retryRequest(result);
      if (again) return again;
      if (item.kind === 'consumer') this.settleJob(String(d.jobId), 'success');
      return { kind: 'done' };
    });
  }

  private invokeItem(item: WorkItem): unknown {
    const counter = item.kind === 'trigger' ? 'triggerInvocations' : item.kind === 'consumer' ? 'consumerInvocations' : 'scheduledRuns';
    this.counters[counter]++;
    return this.fn(String(item.data.functionKey))(...invocationArgs(item));
  }

  private dropped(item: WorkItem): void {
    if (item.kind === 'consumer') this.settleJob(String(item.data.jobId), 'failed');
  }

  private settleJob(jobId: string, how: 'success' | 'failed'): void {
    const s = this.jobs[jobId];
    if (!s) return;
    s[how]++;
    s.inProgress = Math.max(0, s.inProgress - 1);
  }

  /** The stargate endpoints @forge/events calls: publish, stats, cancel. */
  stargate(path: string, body: unknown): KvsReply {
    const b = (body ?? {}) as { queueName?: string; jobId?: string; payload?: PushEvent[] };
    if (path.startsWith('/webhook/queue/publish')) return this.publish(b.queueName, b.jobId ?? randomUUID(), Array.isArray(b.payload) ? b.payload : []);
    if (path.startsWith('/webhook/queue/stats')) {
      const s = Object.prototype.hasOwnProperty.call(this.jobs, b.jobId ?? '') ? this.jobs[b.jobId ?? ''] : undefined;
      return s ? { status: 200, body: s } : { status: 404, body: { message: 'job not found' } };
    }
    if (path.startsWith('/webhook/queue/cancel')) return { status: 204 };
    return { status: 404, body: { message: `not emulated: ${path}` } };
  }

  private publish(queueName: string | undefined, jobId: string, events: PushEvent[]): KvsReply {
    const consumer = this.manifest.consumers.find((c) => c.queue === queueName);
    if (!this.installed) return { status: 403, body: { message: 'The app is not installed.' } };
    if (!consumer) return { status: 400, body: { message: `no consumer for queue '${queueName}' in manifest.yml` } };
    const refused = this.queue.admit(events);
    if (refused) return refused;
    if (fire(this.faults.queuePush)) return { status: this.faults.queuePush.status, body: { message: 'Queue push failed (injected by the emulator).' } };
    this.jobs[jobId] = { success: 0, inProgress: events.length, failed: 0 };
    for (const ev of events) {
      this.enqueue({
        kind: 'consumer', label: `consumer ${consumer.key} job ${jobId.slice(0, 8)}`, maxRetries: MAX_REQUESTED_RETRIES, retryOnError: true,
        concurrency: concurrencyOf(ev), delayMs: (ev.delayInSeconds ?? 0) * 1000,
        data: { moduleKey: consumer.key, functionKey: consumer.functionKey, queueName: consumer.queue, jobId, eventId: randomUUID(), body: ev.body ?? null },
      });
    }
    if (fire(this.faults.queuePushAppliedThenError)) return { status: 500, body: { message: 'Queue push failed after queueing (injected by the emulator).' } };
    return { status: 201, body: {} };
  }

  /**
   * The app's side of an uninstall: no more product events, scheduled runs or queue pushes reach it,
   * work already queued is dropped (running work finishes), then each `preUninstall` function runs
   * without a user. As on Forge, a failure or a timeout is logged and does not stop the uninstall.
   */
  async uninstall(): Promise<{ preUninstallRuns: number; failures: number }> {
    this.installed = false;
    this.pump.clear();
    await this.pump.drain(PRE_UNINSTALL_TIMEOUT_MS);
    this.pump.clear();
    let failures = 0;
    for (const p of this.manifest.preUninstall) {
      const args = [{ context: { cloudId: 'emulator', moduleKey: p.key } }, { installContext: INSTALL_CONTEXT }];
      const run = this.run(null, p.key, async () => this.fn(p.functionKey)(...args));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out after 55 s')), PRE_UNINSTALL_TIMEOUT_MS); });
      try {
        await Promise.race([run, timeout]);
      } catch (e) {
        failures++;
        this.log(`preUninstall ${p.key} failed, the uninstall goes on: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        clearTimeout(timer);
      }
    }
    return { preUninstallRuns: this.manifest.preUninstall.length, failures };
  }

  /** Restarts every scheduled trigger's slot from the current emulator time (after a reset). */
  resetSchedule(): void {
    for (const s of this.manifest.scheduled) this.nextRun[s.key] = this.clock.now() + s.intervalMs;
  }

  /**
   * Queues every scheduled trigger that is due on the emulator clock; one run catches up a whole
   * skipped stretch (a sweep looks at everything due, not one slot). A forced run is extra: it
   * leaves the schedule alone, as a manual run would on Forge.
   */
  runDueScheduled(force = false): number {
    if (!this.installed) return 0;
    let queued = 0;
    for (const s of this.manifest.scheduled) {
      const due = this.nextRun[s.key] ?? 0;
      const now = this.clock.now();
      if (now >= due) this.nextRun[s.key] = due + Math.max(1, Math.ceil((now - due + 1) / s.intervalMs)) * s.intervalMs;
      else if (!force) continue;
      queued++;
      this.pump.enqueue({ kind: 'scheduled', label: `scheduled ${s.key}`, maxRetries: 0, retryOnError: false, data: { moduleKey: s.key, functionKey: s.functionKey } });
    }
    return queued;
  }

  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const module = this.manifest.uiModules.find((m) => m.key === call.moduleKey);
    if (!module?.resolverFunction) throw new Error(`UI module '${call.moduleKey}' has no resolver in manifest.yml`);
    if (!this.installed) throw new Error('The app is uninstalled; restart or reset the emulator to install it again.');
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
