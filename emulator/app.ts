/**
 * Assembles the emulator: clock, Jira site, KVS, Forge runtime (from manifest.yml) and state
 * persistence. The HTTP server (server/http.ts) and tests drive it through this object.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createClock, installClock, type EmulatorClock } from './clock';
import { noFaults, takeJiraFault, type Faults } from './faults';
import { handleJira, type JiraRequest, type JiraResponse, type RouteContext } from './jira/api';
import { emptySite } from './jira/catalog';
import { JiraSite } from './jira/site';
import { installForgeGlobals } from './forge/globals';
import { emptyKvs, KvsStore } from './forge/kvs';
import { loadManifest, type AppManifest } from './forge/manifest';
import { ForgeRuntime, type FunctionLoader } from './forge/runtime';
import { attachLimits, type PlatformLimits } from './limits';
import { StateFile, type SavedState } from './persistence';
import { Persister } from './persister';

export interface EmulatorOptions {
  root: string;
  base: string;
  /** Directory for state.json; null keeps everything in memory (tests). */
  stateDir: string | null;
  manifest?: AppManifest;
  loadFunction?: FunctionLoader;
  log?: (line: string) => void;
}

/** Background work (queue, scheduled runs) is persisted this often; HTTP writes before answering. */
const BACKGROUND_PERSIST_MS = 200;

const MANIFEST_MISSING = 'manifest.yml not found: the Forge runtime is disabled until the backend lands';

export class Emulator {
  readonly clock: EmulatorClock;
  readonly site: JiraSite;
  readonly kvs: KvsStore;
  readonly faults: Faults = noFaults();
  readonly runtime: ForgeRuntime | null;
  readonly logLines: string[] = [];
  readonly ctx: RouteContext;
  readonly limits: PlatformLimits;
  restoredFromDisk = false;
  private readonly stateFile: StateFile | null;
  private readonly persister: Persister | null = null;
  private readonly persistTimer: NodeJS.Timeout | null = null;

  /** Throws StateFileError when the saved state exists but cannot be read. */
  constructor(readonly options: EmulatorOptions) {
    this.stateFile = options.stateDir ? new StateFile(options.stateDir) : null;
    const saved = this.stateFile?.read() ?? null;
    this.clock = createClock(saved?.clockOffsetMs ?? 0);
    installClock(this.clock);
    this.site = new JiraSite(() => this.clock.now(), saved?.site ?? emptySite());
    const manifest = options.manifest ?? this.readManifest();
    this.kvs = new KvsStore(saved?.kvs ?? emptyKvs(), () => this.clock.now(), () => manifest?.entityIndexes ?? new Map());
    this.ctx = { site: this.site, base: options.base, now: () => this.clock.now(), indexes: () => manifest?.propertyIndexes ?? [] };
    this.restoredFromDisk = saved !== null;
    this.site.onEvent(() => this.markDirty());
    this.runtime = manifest ? new ForgeRuntime(manifest, options.loadFunction ?? defaultLoader(options.root), this.site, this.clock, options.base, this.faults, (l) => this.log(l)) : null;
    if (!manifest) this.log(MANIFEST_MISSING);
    this.limits = attachLimits(this);
    if (saved) this.site.notifications.push(...saved.notifications);
    if (saved?.runtime) this.runtime?.restore(saved.runtime);
    if (saved?.limits) this.limits.restore(saved.limits);
    if (this.stateFile) {
      this.persister = new Persister(this.stateFile, () => this.snapshot(), () => this.workFingerprint());
      this.persistTimer = setInterval(() => { this.flush().catch((e: unknown) => this.log(`saving state failed: ${String(e)}`)); }, BACKGROUND_PERSIST_MS);
      this.persistTimer.unref();
    }
    installForgeGlobals({
      appAccountId: 'acc-app-sla-clock',
      jira: (req) => this.appJira(req),
      kvs: (path, body) => { if (!/\/(get|query)$/.test(path)) this.markDirty(); return this.kvs.handle(path, body); },
      stargate: (path, body) => { this.markDirty(); return this.runtime?.stargate(path, body) ?? { status: 503, body: { message: MANIFEST_MISSING } }; },
    });
  }

  log(line: string): void {
    this.logLines.push(`${new Date(this.clock.now()).toISOString()} ${line}`);
    if (this.logLines.length > 1000) this.logLines.splice(0, this.logLines.length - 1000);
    this.options.log?.(line);
  }

  /** Jira as a person (host page, curl, control API): no faults, never "self". */
  jira(req: Omit<JiraRequest, 'actor'> & { accountId: string }): JiraResponse {
    const res = handleJira({ ...req, actor: { accountId: req.accountId, self: false } }, this.ctx);
    if (req.method !== 'GET') this.markDirty();
    return res;
  }

  /** Jira as the app (requestJira): faults apply, and the writes are marked self-generated. */
  private async appJira(req: JiraRequest): Promise<JiraResponse> {
    if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
    const fault = takeJiraFault(this.faults);
    if (fault) { this.log(`injected ${fault.status} on ${req.method} ${req.path}`); return fault; }
    if (req.method !== 'GET') this.markDirty();
    return handleJira(req, this.ctx);
  }

  /** Moves the clock, queues the scheduled triggers that fell due, and waits for the work. */
  async advance(ms: number): Promise<{ now: number; sweeps: number; drained: boolean }> {
    this.clock.advance(ms);
    this.markDirty();
    const sweeps = this.runtime?.runDueScheduled() ?? 0;
    const drained = await this.drain();
    return { now: this.clock.now(), sweeps, drained };
  }

  async drain(timeoutMs = 30_000): Promise<boolean> {
    return this.runtime ? this.runtime.pump.drain(timeoutMs) : true;
  }

  /**
   * Uninstalls the app as Forge would: runs its preUninstall functions (src/app/uninstall.ts waits
   * for Jira's bulk task itself), stops its events and scheduled triggers until the next start or
   * reset, and deletes its storage (KVS, secrets, entities). Forge deletes storage 28 days after an
   * uninstall; the emulator deletes it at once.
   */
  async uninstall(): Promise<{ preUninstallRuns: number; failures: number }> {
    const outcome = (await this.runtime?.uninstall()) ?? { preUninstallRuns: 0, failures: 0 };
    this.kvs.state = emptyKvs();
    this.markDirty();
    return outcome;
  }

  reset(): void {
    this.runtime?.pump.clear();
    this.site.replace(emptySite());
    this.site.notifications.length = 0;
    this.kvs.state = emptyKvs();
    this.clock.setOffset(0);
    this.runtime?.resetSchedule();
    if (this.runtime) this.runtime.installed = true;
    this.restoredFromDisk = false;
    this.persister?.forget();
    this.stateFile?.remove();
  }

  markDirty(): void {
    this.persister?.markChanged();
  }

  /**
   * Holds persistence while a multi-step change (the demo seed) is under way, so an interrupted
   * one leaves the previous file (or none) rather than a half-built site.
   */
  async atomically<T>(change: () => Promise<T>): Promise<T> {
    this.persister?.hold();
    try {
      return await change();
    } finally {
      this.persister?.release();
      this.persist();
    }
  }

  /** Resolves once every change so far is in the state file; the HTTP server awaits it before acknowledging a write. */
  async flush(): Promise<void> {
    await this.persister?.flush();
  }

  /** Writes the state file now if anything changed (shutdown, tests). */
  persist(): void {
    this.persister?.flushSync();
  }

  snapshot(): SavedState {
    return {
      version: 2, site: this.site.data, kvs: this.kvs.state, clockOffsetMs: this.clock.offsetMs(),
      notifications: this.site.notifications, runtime: this.runtime?.snapshot() ?? null, limits: this.limits.snapshot(),
    };
  }

  close(): void {
    if (this.persistTimer) clearInterval(this.persistTimer);
    this.persist();
  }

  /** Changes whenever queued work starts, finishes or is added, or a metered read is counted, which nothing else marks dirty. */
  private workFingerprint(): string {
    const r = this.runtime;
    const work = r ? `${r.pump.pending()}|${r.counters.triggerInvocations}|${r.counters.consumerInvocations}|${r.counters.scheduledRuns}` : '';
    return `${work}|${this.limits.activity()}`;
  }

  private readManifest(): AppManifest | null {
    const file = join(this.options.root, 'manifest.yml');
    return existsSync(file) ? loadManifest(file) : null;
  }
}

function defaultLoader(root: string): FunctionLoader {
  return (file, exportName) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(root, 'src', file)) as Record<string, unknown>;
    const f = mod[exportName];
    if (typeof f !== 'function') throw new Error(`src/${file} does not export a function '${exportName}' (named in manifest.yml)`);
    return f as (...args: unknown[]) => unknown;
  };
}
