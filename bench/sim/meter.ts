/**
 * What the simulation counts besides Jira requests: app storage requests and 10 KB units (the unit
 * Forge's KVS and entity-store limits count in) and the requests the storage limiter refused, Forge
 * events pushed and their peak per simulated minute, trigger invocations, Forge-side 429s,
 * invocations that threw (redelivered by Forge), and log lines worth reporting.
 */
import type { KvsReply } from '../../emulator/forge/kvs';

const UNIT = 10 * 1024;
const units = (value: unknown): number => Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(value ?? null)) / UNIT));

export interface StorageTally { reads: number; writes: number; readUnits: number; writeUnits: number; refused: number }

export interface TagTally { storage: StorageTally; eventsPushed: number; triggers: number; forge429: Record<string, number>; thrown: Record<string, number>; lost: Record<string, number> }

export class Meter {
  readonly tallies = new Map<string, TagTally>();
  readonly notes: string[] = [];
  private eventsByMinute = new Map<number, number>();
  private readUnitsByMinute = new Map<number, number>();
  private writeUnitsByMinute = new Map<number, number>();

  constructor(private readonly tag: () => string) {}

  tally(tag = this.tag()): TagTally {
    let t = this.tallies.get(tag);
    if (!t) this.tallies.set(tag, (t = { storage: { reads: 0, writes: 0, readUnits: 0, writeUnits: 0, refused: 0 }, eventsPushed: 0, triggers: 0, forge429: {}, thrown: {}, lost: {} }));
    return t;
  }

  /** Counts one storage request and its units (per item for batches), or its refusal, then passes the reply on. */
  storage(path: string, body: unknown, reply: KvsReply, now: number): KvsReply {
    if (reply.status === 429) {
      this.tally().storage.refused++;
      return reply;
    }
    const write = !/\/(get|query)$/.test(path) && path !== '/api/v1/batch/get';
    const items = Array.isArray(body) ? body : [body];
    const payload = write ? items.map((i) => (i as { value?: unknown })?.value) : readItems(reply);
    const u = payload.reduce((n: number, v) => n + units(v), 0);
    const t = this.tally().storage;
    if (write) {
      t.writes++;
      t.writeUnits += u;
    } else {
      t.reads++;
      t.readUnits += u;
    }
    const minute = Math.floor(now / 60_000);
    const perMinute = write ? this.writeUnitsByMinute : this.readUnitsByMinute;
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + u);
    return reply;
  }

  events(n: number, minute: number): void {
    this.tally().eventsPushed += n;
    this.eventsByMinute.set(minute, (this.eventsByMinute.get(minute) ?? 0) + n);
  }

  http429(reason: string): void {
    const t = this.tally().forge429;
    t[reason] = (t[reason] ?? 0) + 1;
  }

  /** An invocation that threw (a storage refusal the app did not catch): Forge redelivers a consumer's. */
  thrown(kind: string): void {
    const t = this.tally().thrown;
    t[kind] = (t[kind] ?? 0) + 1;
  }

  /** An invocation Forge gave up on: a trigger that threw, redeliveries or retention spent. Must stay 0. */
  lost(kind: string, why: string): void {
    const t = this.tally().lost;
    t[kind] = (t[kind] ?? 0) + 1;
    this.note(`${kind} lost: ${why}`);
  }

  note(line: string): void {
    if (this.notes.length < 20) this.notes.push(line);
  }

  peakEventsPerMinute(fromMinute: number): number {
    return Math.max(0, ...[...this.eventsByMinute].filter(([m]) => m >= fromMinute).map(([, n]) => n));
  }

  /** Peak read and write units in one simulated minute (Forge limits each to 4,000 per installation). */
  peakUnitsPerMinute(fromMinute: number): { read: number; write: number } {
    const peak = (m: Map<number, number>) => Math.max(0, ...[...m].filter(([k]) => k >= fromMinute).map(([, n]) => n));
    return { read: peak(this.readUnitsByMinute), write: peak(this.writeUnitsByMinute) };
  }
}

function readItems(reply: KvsReply): unknown[] {
  const b = reply.body as { value?: unknown; data?: unknown[]; successfulKeys?: unknown[] } | undefined;
  if (!b) return [null];
  if (Array.isArray(b.data)) return b.data.length ? b.data : [null];
  if (Array.isArray(b.successfulKeys)) return b.successfulKeys.length ? b.successfulKeys : [null];
  return [b.value];
}
