/**
 * The asynchronous side of the runtime (product events, queue messages, scheduled runs) as one
 * work list, run concurrently as Forge does: up to `parallelism` invocations at once, and at most
 * `limit` at once per concurrency key (the `concurrency` option of a push), oldest first within a
 * key. A function that waits (a Retry-After sleep) holds only its own slot. Work items are plain
 * JSON (the runner rebuilds the call from `data`), so the queue can be persisted and restored.
 */
import { realNow } from '../clock';

export type InvocationKind = 'trigger' | 'consumer' | 'scheduled';

export type Outcome =
  | { kind: 'done' }
  /** The function asked for a redelivery (InvocationError). */
  | { kind: 'retry'; afterMs: number; reason: string; data?: unknown }
  /** The function threw (or the platform failed it): redelivered only where Forge does so. */
  | { kind: 'error'; reason: string };

export interface WorkItem {
  id: number;
  kind: InvocationKind;
  label: string;
  attempt: number;
  /** Real-time ms when it may run (delays are compressed, see realDelay). */
  readyAt: number;
  /** Emulated back-off waited so far after platform errors, against the retention window. */
  waitedMs: number;
  /** Redeliveries an InvocationError may ask for. */
  maxRetries: number;
  /** Whether Forge redelivers after a thrown error (async events do; triggers and schedules do not). */
  retryOnError: boolean;
  concurrency?: { key: string; limit: number };
  lastRetry?: { reason: string; data?: unknown } | null;
  data: Record<string, unknown>;
}

/** A queued item as persisted: every field but the real-time `readyAt`, so new fields survive a restart. */
export type SavedWorkItem = Omit<WorkItem, 'readyAt'>;
export interface PumpHooks { run(item: WorkItem): Promise<Outcome>; dropped?(item: WorkItem, reason: string): void }
export type NewItem = Omit<WorkItem, 'id' | 'attempt' | 'readyAt' | 'waitedMs'> & { delayMs?: number };

/** Retry and delay waits are compressed so demos and tests never stall on a 60 s retryAfter. */
export const MAX_REAL_DELAY_MS = 1000;
/** Platform back-off (up to 15 min) is compressed further: a full 24 h retention window takes seconds. */
const PLATFORM_WAIT_REAL_MS_PER_15_MIN = 50;
const MAX_PLATFORM_WAIT_MS = 900_000;
export const RETENTION_MS = 24 * 3_600_000;
const REORDER_WINDOW_MS = 50;

/** Forge's exponential back-off after a platform error: 10 s doubling, at most 15 minutes. */
export function platformBackoffMs(attempt: number): number {
  return Math.min(MAX_PLATFORM_WAIT_MS, 10_000 * 2 ** Math.max(0, attempt - 1));
}

export class Pump {
  private items: WorkItem[] = [];
  private readonly running = new Map<number, WorkItem>();
  private timer: NodeJS.Timeout | null = null;
  private waiters: Array<() => void> = [];
  private nextId = 1;
  readonly deadLetters: string[] = [];
  lifo = false;
  parallelism = 8;

  constructor(private readonly log: (line: string) => void, private readonly hooks: PumpHooks) {}

  enqueue(item: NewItem): void {
    const { delayMs, ...rest } = item;
    const w: WorkItem = { ...rest, id: this.nextId++, attempt: 1, waitedMs: 0, readyAt: realNow() + Math.min(delayMs ?? 0, MAX_REAL_DELAY_MS) };
    if (this.lifo) {
      // Hold the burst until it is quiet for a moment, then release it newest first.
      const release = realNow() + REORDER_WINDOW_MS;
      for (const i of this.items) i.readyAt = Math.max(i.readyAt, release);
      w.readyAt = Math.max(w.readyAt, release);
      this.items.unshift(w);
    } else {
      this.items.push(w);
    }
    this.kick();
  }

  pending(): number {
    return this.items.length + this.running.size;
  }

  /** Invocations running right now (tests check that work overlaps). */
  active(): number {
    return this.running.size;
  }

  /** Resolves true once nothing is queued or running, false after `timeoutMs`. */
  drain(timeoutMs = 30_000): Promise<boolean> {
    if (this.pending() === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => { this.waiters = this.waiters.filter((w) => w !== done); resolve(false); }, timeoutMs);
      const done = () => { clearTimeout(t); resolve(true); };
      this.waiters.push(done);
    });
  }

  clear(): void {
    this.items = [];
  }

  /** Everything not yet done, running items first: they are re-run after a crash (at least once). */
  snapshot(): SavedWorkItem[] {
    const all = [...this.running.values(), ...this.items];
    return all.map(({ readyAt: _readyAt, ...rest }) => JSON.parse(JSON.stringify(rest)) as SavedWorkItem);
  }

  /** Re-queues saved items in their saved order, ready at once; `keep` refuses items it cannot run. */
  restore(saved: SavedWorkItem[], keep: (item: SavedWorkItem) => boolean): void {
    for (const item of saved) {
      if (keep(item)) this.items.push({ ...item, id: this.nextId++, readyAt: realNow() });
      else this.log(`${item.label}: not restored (its module is no longer in manifest.yml, or the item predates this emulator)`);
    }
    this.kick();
  }

  private inFlight(key: string): number {
    let n = 0;
    for (const r of this.running.values()) if (r.concurrency?.key === key) n++;
    return n;
  }

  private runnable(now: number): number {
    return this.items.findIndex((w) => w.readyAt <= now && (!w.concurrency || this.inFlight(w.concurrency.key) < w.concurrency.limit));
  }

  private kick(): void {
    const now = realNow();
    while (this.running.size < this.parallelism) {
      const idx = this.runnable(now);
      if (idx < 0) break;
      const [item] = this.items.splice(idx, 1);
      if (item) void this.runOne(item);
    }
    if (this.pending() === 0) return this.settle();
    const waiting = this.items.filter((w) => w.readyAt > now);
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((w) => w.readyAt));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; this.kick(); }, Math.max(1, next - now));
  }

  private async runOne(item: WorkItem): Promise<void> {
    this.running.set(item.id, item);
    let outcome: Outcome;
    try {
      outcome = await this.hooks.run(item);
    } catch (e) {
      outcome = { kind: 'error', reason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' };
      this.log(`${item.label}: attempt ${item.attempt} threw ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    this.running.delete(item.id);
    if (outcome.kind === 'retry') this.retryRequested(item, outcome);
    if (outcome.kind === 'error') this.retryAfterError(item, outcome.reason);
    setImmediate(() => this.kick());
  }

  private retryRequested(item: WorkItem, o: Extract<Outcome, { kind: 'retry' }>): void {
    if (item.attempt > item.maxRetries) return this.drop(item, `${o.reason}, ${item.maxRetries} retries used`);
    this.log(`${item.label}: retry ${item.attempt} after ${o.afterMs} ms (${o.reason})`);
    this.requeue(item, Math.min(o.afterMs, MAX_REAL_DELAY_MS), 0, { reason: o.reason, data: o.data });
  }

  private retryAfterError(item: WorkItem, reason: string): void {
    const wait = platformBackoffMs(item.attempt);
    if (!item.retryOnError) return this.drop(item, `${reason}, not retried`);
    if (item.waitedMs + wait > RETENTION_MS) return this.drop(item, `${reason}, retention window over`);
    this.log(`${item.label}: redelivery ${item.attempt} after ${wait} ms (${reason})`);
    this.requeue(item, (wait / MAX_PLATFORM_WAIT_MS) * PLATFORM_WAIT_REAL_MS_PER_15_MIN, wait, { reason });
  }

  private requeue(item: WorkItem, realDelayMs: number, waitedMs: number, lastRetry: { reason: string; data?: unknown }): void {
    this.items.push({ ...item, attempt: item.attempt + 1, readyAt: realNow() + realDelayMs, waitedMs: item.waitedMs + waitedMs, lastRetry });
  }

  private drop(item: WorkItem, reason: string): void {
    this.deadLetters.push(`${item.label} (${reason})`);
    this.log(`${item.label}: dropped after ${item.attempt} attempts (${reason})`);
    this.hooks.dropped?.(item, reason);
  }

  private settle(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}
