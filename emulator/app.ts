/**
 * Assembles the emulator: clock, Jira site, KVS, Forge runtime (from manifest.yml) and state
 * persistence. The HTTP server (server/http.ts) and tests drive it through this object.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClock, installClock, type EmulatorClock } from './clock';
import { noFaults, takeJiraFault, type Faults } from './faults';
import { handleJira, type JiraRequest, type JiraResponse, type RouteContext } from './jira/api';
import { emptySite } from './jira/catalog';
import type { SiteData } from './jira/model';
import { JiraSite } from './jira/site';
import { installForgeGlobals } from './forge/globals';
import { emptyKvs, KvsStore, type KvsState } from './forge/kvs';
import { loadManifest, type AppManifest } from './forge/manifest';
import { ForgeRuntime, type FunctionLoader } from './forge/runtime';
import { attachLimits, type PlatformLimits } from './limits';

export interface EmulatorOptions {
  root: string;
  base: string;
  /** Directory for state.json; null keeps everything in memory (tests). */
  stateDir: string | null;
  manifest?: AppManifest;
  loadFunction?: FunctionLoader;
  log?: (line: string) => void;
}

interface SavedState { version: 1; site: SiteData; kvs: KvsState; clockOffsetMs: number }

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
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(readonly options: EmulatorOptions) {
    const saved = this.readState();
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
    installForgeGlobals({
      appAccountId: 'acc-app-sla-clock',
      jira: (req) => this.appJira(req),
      kvs: (path, body) => { if (!/\/(get|query)$/.test(path)) this.markDirty(); return this.kvs.handle(path, body); },
      stargate: (path, body) => this.runtime?.stargate(path, body) ?? { status: 503, body: { message: MANIFEST_MISSING } },
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

  reset(): void {
    this.runtime?.pump.clear();
    this.site.replace(emptySite());
    this.kvs.state = emptyKvs();
    this.clock.setOffset(0);
    this.runtime?.resetSchedule();
    this.restoredFromDisk = false;
    if (this.options.stateDir) rmSync(join(this.options.stateDir, 'state.json'), { force: true });
  }

  markDirty(): void {
    if (!this.options.stateDir) return;
    this.dirty = true;
    this.saveTimer ??= setTimeout(() => { this.saveTimer = null; this.save(); }, 500);
  }

  save(): void {
    if (!this.options.stateDir || !this.dirty) return;
    mkdirSync(this.options.stateDir, { recursive: true });
    const state: SavedState = { version: 1, site: this.site.data, kvs: this.kvs.state, clockOffsetMs: this.clock.offsetMs() };
    writeFileSync(join(this.options.stateDir, 'state.json'), JSON.stringify(state));
    this.dirty = false;
  }

  close(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.save();
  }

  private readState(): SavedState | null {
    const file = this.options.stateDir ? join(this.options.stateDir, 'state.json') : null;
    if (!file || !existsSync(file)) return null;
    try {
      const s = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
      return s.version === 1 ? s : null;
    } catch {
      return null;
    }
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
