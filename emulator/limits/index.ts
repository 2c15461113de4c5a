/**
 * The platform limits of Jira Cloud and Forge, attached to an emulator: the Jira meter on the app's
 * REST calls (through the router's meter hook), the storage meter on every KVS and entity call, and
 * the queue meter owned by the Forge runtime. All state is plain JSON (snapshot/restore).
 */
import type { EmulatorClock } from '../clock';
import { fire, type Faults } from '../faults';
import type { KvsStore } from '../forge/kvs';
import type { ForgeRuntime } from '../forge/runtime';
import type { JiraRequest, JiraResponse, RequestMeter, RouteContext } from '../jira/router';
import type { JiraSite } from '../jira/site';
import { defaultJiraLimits, emptyJiraMeter, isWrite, JiraMeter, type JiraLimitsConfig, type JiraMeterState } from './jira-limits';
import type { QueueLimitsConfig, QueueMeterState } from './queue-limits';
import { defaultStorageLimits, emptyStorageMeter, StorageMeter, type StorageLimitsConfig, type StorageMeterState } from './storage-limits';

export interface LimitsHost { clock: EmulatorClock; site: JiraSite; kvs: KvsStore; faults: Faults; runtime: ForgeRuntime | null; ctx: RouteContext }

export interface LimitsConfig { jira: JiraLimitsConfig; storage: StorageLimitsConfig; queue: QueueLimitsConfig | null }
export interface LimitsState { config: LimitsConfig; jira: JiraMeterState; storage: StorageMeterState; queue: QueueMeterState | null }

const ISSUE_ROUTE = '/rest/api/3/issue/{idOrKey}';

export class PlatformLimits implements RequestMeter {
  readonly jira = new JiraMeter(defaultJiraLimits(), emptyJiraMeter());
  readonly storage: StorageMeter;
  /** The limiters' time: the emulator clock; tests pin it so fixed windows cannot roll over mid-test. */
  now: () => number;

  constructor(private readonly host: LimitsHost) {
    this.storage = new StorageMeter(defaultStorageLimits(), emptyStorageMeter(), host.faults);
    this.now = () => host.clock.now();
  }

  /** Only the app's own calls (requestJira) are metered; people and the control API are not. */
  admit(req: JiraRequest, template: string, params: string[]): JiraResponse | null {
    if (!req.actor.self) return null;
    const ref = template.startsWith(ISSUE_ROUTE) ? params[0] ?? null : null;
    const issueKey = ref === null ? null : this.host.site.issue(ref)?.id ?? ref;
    return this.jira.admit(req, template, issueKey, this.now());
  }

  /** Charges points and, when armed, turns an applied write into a 500 (the write stays applied). */
  settle(req: JiraRequest, template: string, _params: string[], res: JiraResponse): JiraResponse {
    if (!req.actor.self) return res;
    const charged = this.jira.settle(req, template, res, this.now());
    if (res.status >= 300 || !isWrite(req.method, template) || !fire(this.host.faults.jiraAppliedThenError)) return charged;
    return { status: 500, body: { errorMessages: ['Internal server error after the write was applied (injected by the emulator).'], errors: {} } };
  }

  config(): LimitsConfig {
    return { jira: this.jira.config, storage: this.storage.config, queue: this.host.runtime?.queue.config ?? null };
  }

  snapshot(): LimitsState {
    const q = this.host.runtime?.queue.state ?? null;
    return JSON.parse(JSON.stringify({ config: this.config(), jira: this.jira.state, storage: this.storage.state, queue: q })) as LimitsState;
  }

  restore(s: LimitsState): void {
    this.jira.config = s.config.jira;
    this.jira.state = { windows: nullProto(s.jira.windows), endpoints: nullProto(s.jira.endpoints), refusals: nullProto(s.jira.refusals) };
    this.storage.config = s.config.storage;
    this.storage.state = { windows: nullProto(s.storage.windows), ops: nullProto(s.storage.ops) };
    const queue = this.host.runtime?.queue;
    if (queue && s.config.queue) queue.config = s.config.queue;
    if (queue && s.queue) queue.state = { ...s.queue, windows: nullProto(s.queue.windows) };
  }

  /** A number that grows with every metered request (Jira, storage, queue), so reads alone still get the counters saved. */
  activity(): number {
    let n = this.storage.totals().requests + (this.host.runtime?.queue.state.pushes ?? 0);
    for (const use of Object.values(this.jira.state.endpoints)) n += use.requests + use.refused;
    return n;
  }

  /** Zeroes every counter and window (the configuration stays). */
  resetCounters(): void {
    this.jira.state = emptyJiraMeter();
    this.storage.state = emptyStorageMeter();
    const queue = this.host.runtime?.queue;
    if (queue) queue.state = { ...queue.state, windows: Object.create(null) as QueueMeterState['windows'], pushes: 0, events: 0, refused: 0 };
  }
}

function nullProto<T>(o: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, o);
}

/** Wires the limits into an emulator's Jira router, storage and runtime. */
export function attachLimits(host: LimitsHost): PlatformLimits {
  const limits = new PlatformLimits(host);
  host.ctx.meter = limits;
  host.kvs.gate = (path, body, apply) => limits.storage.handle(path, body, limits.now(), apply);
  return limits;
}
