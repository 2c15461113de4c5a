/**
 * Forge hosted storage (KVS and Custom Entity Store) limits per installation: requests per second
 * and read/write units per minute, a unit being 10 KB of request (writes) or response (reads),
 * rounded up. Exceeding one answers 429 RATE_LIMIT_EXCEEDED, which @forge/kvs throws as a
 * ForgeKvsAPIError. Storage faults are applied here too, and every call is counted per operation.
 */
import { fire, storageFaultBody, type Faults } from '../faults';
import type { KvsReply } from '../forge/kvs';
import { add, emptyWindows, peek, take, type Windows } from './window';

export interface StorageLimitsConfig { enabled: boolean; requestsPerSecond: number; readUnitsPerMinute: number; writeUnitsPerMinute: number }
export interface StorageUse { requests: number; readUnits: number; writeUnits: number; refused: number; faults: number }
export interface StorageMeterState { windows: Windows; ops: Record<string, StorageUse> }

export const UNIT_BYTES = 10 * 1024;
const MINUTE = 60_000;
const READ_OPS = /\/(get|query)$/;

/** The documented values, off by default (see docs/reference/emulator-limits.md). */
export function defaultStorageLimits(): StorageLimitsConfig {
  return { enabled: false, requestsPerSecond: 1000, readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000 };
}

export function emptyStorageMeter(): StorageMeterState {
  return { windows: emptyWindows(), ops: Object.create(null) as Record<string, StorageUse> };
}

/** 10 KB units, rounded up; an empty or small request is one unit. */
export function unitsOf(payload: unknown): number {
  const bytes = payload === undefined || payload === '' ? 0 : Buffer.byteLength(JSON.stringify(payload));
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}

const limited = (message: string): KvsReply => ({ status: 429, body: { code: 'RATE_LIMIT_EXCEEDED', message } });

export class StorageMeter {
  constructor(public config: StorageLimitsConfig, public state: StorageMeterState, private readonly faults: Faults) {}

  private use(op: string): StorageUse {
    const ops = this.state.ops;
    if (!Object.prototype.hasOwnProperty.call(ops, op)) ops[op] = { requests: 0, readUnits: 0, writeUnits: 0, refused: 0, faults: 0 };
    return ops[op] as StorageUse;
  }

  totals(): StorageUse {
    const sum: StorageUse = { requests: 0, readUnits: 0, writeUnits: 0, refused: 0, faults: 0 };
    for (const u of Object.values(this.state.ops)) for (const k of Object.keys(sum) as Array<keyof StorageUse>) sum[k] += u[k];
    return sum;
  }

  /** Runs one storage call through faults and limits; `apply` performs it on the store. */
  handle(path: string, body: unknown, now: number, apply: (path: string, body: unknown) => KvsReply): KvsReply {
    const op = path.replace(/^\/api\/v1\//, '');
    const read = READ_OPS.test(path);
    const use = this.use(op);
    use.requests++;
    if (fire(this.faults.storage)) { use.faults++; return { status: this.faults.storage.status, body: storageFaultBody(this.faults.storage.status) }; }
    const refused = this.config.enabled ? this.refuse(read, body, now) : null;
    if (refused) { use.refused++; return refused; }
    const reply = apply(path, body);
    if (read) {
      const units = reply.status < 300 ? unitsOf(reply.body) : 1;
      use.readUnits += units;
      add(this.state.windows, 'read', now, MINUTE, units);
      return reply;
    }
    use.writeUnits += unitsOf(body);
    if (reply.status < 300 && fire(this.faults.storageAppliedThenError)) { use.faults++; return { status: 500, body: storageFaultBody(500) }; }
    return reply;
  }

  /** Request rate first, then the unit budget: reads are charged after the answer, writes before. */
  private refuse(read: boolean, body: unknown, now: number): KvsReply | null {
    const w = this.state.windows;
    if (!take(w, 'rps', now, 1000, this.config.requestsPerSecond).ok) return limited(`More than ${this.config.requestsPerSecond} storage requests in one second`);
    if (read) {
      return peek(w, 'read', now, MINUTE).used >= this.config.readUnitsPerMinute ? limited(`Read units exhausted: ${this.config.readUnitsPerMinute} per minute`) : null;
    }
    const ok = take(w, 'write', now, MINUTE, this.config.writeUnitsPerMinute, unitsOf(body)).ok;
    return ok ? null : limited(`Write units exhausted: ${this.config.writeUnitsPerMinute} per minute`);
  }
}
