/**
 * The asynchronous side of the runtime (product events, queue messages, scheduled runs) as one
 * serial work list. Serial delivery keeps the emulator deterministic and makes "wait until the
 * queue is drained" a simple question; at-least-once semantics come from retries and the
 * duplicate/reorder faults, not from parallelism.
 */
import { realNow } from '../clock';

export type Outcome = { kind: 'done' } | { kind: 'retry'; afterMs: number; reason: string; data?: unknown };

export interface WorkItem {
  label: string;
  attempt: number;
  readyAt: number;
  run(attempt: number, retry: { reason: string; data?: unknown } | null): Promise<Outcome>;
  maxAttempts: number;
  lastRetry?: { reason: string; data?: unknown } | null;
  /** JSON description the runtime rebuilds `run` from after a restart (see ForgeRuntime.restore). */
  spec?: unknown;
}

/** A queued item as persisted: every field except the closure, so new fields survive a restart. */
export type SavedWorkItem = Omit<WorkItem, 'run' | 'readyAt'>;

/** Retry delays are compressed so demos and tests never stall on a 60 s retryAfter. */
export const MAX_REAL_DELAY_MS = 1000;
const REORDER_WINDOW_MS = 50;

export class Pump {
  private items: WorkItem[] = [];
  private busy = false;
  private current: WorkItem | null = null;
  private timer: NodeJS.Timeout | null = null;
  private waiters: Array<() => void> = [];
  readonly deadLetters: string[] = [];
  lifo = false;

  constructor(private readonly log: (line: string) => void) {}

  enqueue(item: Omit<WorkItem, 'attempt' | 'readyAt'> & { delayMs?: number }): void {
    const w: WorkItem = { ...item, attempt: 1, readyAt: realNow() + Math.min(item.delayMs ?? 0, MAX_REAL_DELAY_MS) };
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
    return this.items.length + (this.busy ? 1 : 0);
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

  /** Everything not yet done, the running item first: it is re-run after a crash (at-least-once). */
  snapshot(): SavedWorkItem[] {
    const all = this.current ? [this.current, ...this.items] : this.items;
    return all.map(({ run: _run, readyAt: _readyAt, ...rest }) => rest);
  }

  /** Re-queues saved items (in their saved order) with the closures `build` makes from their specs. */
  restore(saved: SavedWorkItem[], build: (item: SavedWorkItem) => WorkItem['run'] | null): void {
    for (const item of saved) {
      const run = build(item);
      if (run) this.items.push({ ...item, run, readyAt: realNow() });
      else this.log(`${item.label}: not restored (its module is no longer in manifest.yml)`);
    }
    this.kick();
  }

  private kick(): void {
    if (this.busy) return;
    const now = realNow();
    const idx = this.items.findIndex((w) => w.readyAt <= now);
    if (idx < 0) {
      if (this.items.length === 0) return this.settle();
      const next = Math.min(...this.items.map((w) => w.readyAt));
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => { this.timer = null; this.kick(); }, Math.max(1, next - now));
      return;
    }
    const [item] = this.items.splice(idx, 1);
    if (item) void this.runOne(item);
  }

  private async runOne(item: WorkItem): Promise<void> {
    this.busy = true;
    this.current = item;
    let outcome: Outcome;
    try {
      outcome = await item.run(item.attempt, item.lastRetry ?? null);
    } catch (e) {
      outcome = { kind: 'retry', afterMs: 1000 * 2 ** item.attempt, reason: 'FUNCTION_ERROR' };
      this.log(`${item.label}: attempt ${item.attempt} threw ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    if (outcome.kind === 'retry') this.retry(item, outcome);
    this.current = null;
    this.busy = false;
    setImmediate(() => this.kick());
  }

  private retry(item: WorkItem, o: Extract<Outcome, { kind: 'retry' }>): void {
    if (item.attempt >= item.maxAttempts) {
      this.deadLetters.push(`${item.label} (${o.reason})`);
      this.log(`${item.label}: dropped after ${item.attempt} attempts (${o.reason})`);
      return;
    }
    this.log(`${item.label}: retry ${item.attempt} after ${o.afterMs} ms (${o.reason})`);
    this.items.push({ ...item, attempt: item.attempt + 1, readyAt: realNow() + Math.min(o.afterMs, MAX_REAL_DELAY_MS), lastRetry: { reason: o.reason, data: o.data } });
  }

  private settle(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}
