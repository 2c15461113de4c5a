/**
 * The emulator's state file (.emulator-state/state.json). Writes are atomic and durable: the JSON
 * goes to a temporary file, is fsynced, renamed over the old file and the directory is fsynced, so
 * a crash leaves either the previous state or the new one, never a torn file. A file that cannot
 * be read is an error naming the file and the reset command; it is never silently replaced.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteData } from './jira/model';
import { emptyTable, type KvsState } from './forge/kvs';
import type { RuntimeState } from './forge/runtime';
import type { LimitsState } from './limits';

export type Notification = { issueId: string; at: number; body: unknown };

export interface SavedState {
  version: 2;
  site: SiteData;
  kvs: KvsState;
  clockOffsetMs: number;
  notifications: Notification[];
  /** Queue, scheduled-trigger slots and queue job stats; null when no manifest was loaded. */
  runtime: RuntimeState | null;
  /** Limiter configuration and counters; absent in files written before they were kept (defaults then). */
  limits?: LimitsState;
}

export const STATE_FILE = 'state.json';
export const RESET_HINT = 'npm start -- --reset';

/** A state file that exists but cannot be used; start.ts prints the message and exits. */
export class StateFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`The emulator state file ${file} cannot be read (${reason}). Nothing was changed. `
      + `To start over with a fresh demo site run: ${RESET_HINT} (or delete that file).`);
    this.name = 'StateFileError';
  }
}

export class StateFile {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, STATE_FILE);
  }

  /** null when there is no state yet; throws StateFileError for a torn or foreign file. */
  read(): SavedState | null {
    if (!existsSync(this.file)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (e) {
      throw new StateFileError(this.file, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    return upgrade(this.file, parsed);
  }

  /** Synchronous write, rename and directory sync (shutdown, tests). */
  write(state: SavedState): void {
    mkdirSync(this.dir, { recursive: true });
    const temp = this.tempName();
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.commit(temp);
    syncDir(this.dir);
  }

  /** Writes and fsyncs `text` to a new temporary file without blocking the event loop. */
  async writeTemp(text: string): Promise<string> {
    mkdirSync(this.dir, { recursive: true });
    const temp = this.tempName();
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  commit(temp: string): void {
    renameSync(temp, this.file);
  }

  async discard(temp: string): Promise<void> {
    await rm(temp, { force: true });
  }

  async syncDirectory(): Promise<void> {
    const handle = await open(this.dir, 'r');
    try { await handle.sync(); } finally { await handle.close(); }
  }

  private tempName(): string {
    return `${this.file}.${process.pid}.${++this.temps}.tmp`;
  }

  private temps = 0;

  remove(): void {
    rmSync(this.file, { force: true });
    syncDir(this.dir);
  }
}

/** The rename is durable only once the directory entry is. */
function syncDir(dir: string): void {
  if (!existsSync(dir)) return;
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/** Version 1 files (before the queue and notifications were kept) load with an empty queue. */
function upgrade(file: string, raw: unknown): SavedState {
  const s = raw as (Omit<Partial<SavedState>, 'version'> & { version?: unknown }) | null;
  if (!s || typeof s !== 'object') throw new StateFileError(file, 'not an emulator state object');
  if (s.version !== 1 && s.version !== 2) throw new StateFileError(file, `unknown version ${JSON.stringify(s.version)}`);
  const site = s.site as Partial<SiteData> | undefined;
  if (!site || !Array.isArray(site.issues) || !Array.isArray(site.users) || !site.counters) throw new StateFileError(file, 'the Jira site is missing or incomplete');
  if (!s.kvs || typeof s.kvs !== 'object') throw new StateFileError(file, 'the app storage is missing');
  if (typeof s.clockOffsetMs !== 'number') throw new StateFileError(file, 'the clock offset is missing');
  return {
    version: 2, site: site as SiteData, kvs: prototypeFree(s.kvs), clockOffsetMs: s.clockOffsetMs,
    notifications: Array.isArray(s.notifications) ? s.notifications : [],
    runtime: s.runtime ?? null,
    ...(isLimitsState(s.limits) ? { limits: s.limits } : {}),
  };
}

/** A limits record from an older layout (or hand-edited) is dropped for the defaults rather than half-applied. */
function isLimitsState(l: unknown): l is LimitsState {
  const x = l as Partial<LimitsState> | null | undefined;
  return !!x && typeof x === 'object' && !!x.config?.jira && !!x.config.storage && !!x.jira?.windows && !!x.storage?.windows;
}

/** JSON.parse gives tables Object.prototype; the store keeps them prototype-free (see kvs.ts emptyTable()). */
function prototypeFree(kvs: KvsState): KvsState {
  const copy = <T>(o: Record<string, T> | undefined): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, o ?? {});
  const entities = copy<Record<string, unknown>>(kvs.entities);
  for (const name of Object.keys(entities)) entities[name] = Object.assign(emptyTable(), entities[name]);
  return { ...kvs, kv: Object.assign(emptyTable(), kvs.kv), secrets: Object.assign(emptyTable(), kvs.secrets), entities: entities as KvsState['entities'] };
}
