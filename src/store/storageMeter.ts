/**
 * Measures the app-storage units a piece of work costs, as Forge bills them: per value read or
 * written, its size in 10 KB units, rounded up, at least one (a query or batch of 100 values costs at
 * least 100; a transaction costs the values it sets plus one per delete). App storage
 * allows 4,000 read and 4,000 write units a minute per installation, so long-running work (the
 * recompute chain, the sweep) paces itself by what it measured rather than by an assumed cost.
 *
 * Every storage call goes through one request method of @forge/kvs's StorageApi; the meter wraps it
 * once, so no storage helper can forget to report. A call counts toward every `metered` scope it
 * runs in (AsyncLocalStorage), and toward none outside them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StorageApi } from '@forge/kvs/out/storage-api';

export const STORAGE_UNIT_BYTES = 10 * 1024;
/** Forge's per-installation limits, per minute, for reads and for writes alike. */
export const STORAGE_UNITS_PER_MINUTE = 4_000;

export interface StorageUnits {
  read: number;
  write: number;
}

const READ_PATH = /\/(get|query)$/;
const scopes = new AsyncLocalStorage<StorageUnits[]>();

/** 10 KB units of a JSON value, rounded up; an empty or small value is one unit. */
export function unitsOf(value: unknown): number {
  const bytes = value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
  return Math.max(1, Math.ceil(bytes / STORAGE_UNIT_BYTES));
}

type Shape = { value?: unknown; data?: unknown[]; successfulKeys?: unknown[]; set?: Array<{ value?: unknown }>; delete?: unknown[] };
const valueOf = (item: unknown): unknown => (item !== null && typeof item === 'object' && 'value' in item ? item.value : item);
const sum = (items: unknown[]) => items.reduce((n: number, i) => n + unitsOf(valueOf(i)), 0);

/** The units of an answer: its value, or each value of a query or batch. */
export function readUnits(answer: unknown): number {
  const a = (answer ?? {}) as Shape;
  if (Array.isArray(a.data)) return Math.max(1, sum(a.data));
  if (Array.isArray(a.successfulKeys)) return Math.max(1, sum(a.successfulKeys));
  return unitsOf(a.value);
}

/** The units of a request: the value it sets, each item of a batch, each set and delete of a transaction. */
export function writeUnits(body: unknown): number {
  if (Array.isArray(body)) return Math.max(1, sum(body));
  const b = (body ?? {}) as Shape;
  if (Array.isArray(b.set) || Array.isArray(b.delete)) return Math.max(1, sum(b.set ?? []) + (b.delete?.length ?? 0));
  return unitsOf(b.value);
}

function charge(kind: keyof StorageUnits, units: number): void {
  for (const s of scopes.getStore() ?? []) s[kind] += units;
}

type Request = (this: unknown, path: string, body: unknown, responseType: number) => Promise<unknown>;
const proto = StorageApi.prototype as unknown as { request: Request & { metered?: true } };

function install(): void {
  if (proto.request.metered) return;
  const original = proto.request;
  const wrapped = async function (this: unknown, path: string, body: unknown, responseType: number): Promise<unknown> {
    if (!READ_PATH.test(path)) {
      charge('write', writeUnits(body));
      return original.call(this, path, body, responseType);
    }
    try {
      const answer = await original.call(this, path, body, responseType);
      charge('read', readUnits(answer));
      return answer;
    } catch (e) {
      // A refused or missing read is still a request: one unit.
      charge('read', 1);
      throw e;
    }
  };
  proto.request = Object.assign(wrapped, { metered: true as const });
}
install();

/** Runs `work`, answering its result and the storage units it (and everything it awaited) spent. */
export async function metered<T>(work: () => Promise<T>): Promise<{ value: T; units: StorageUnits }> {
  const units: StorageUnits = { read: 0, write: 0 };
  const value = await scopes.run([...(scopes.getStore() ?? []), units], work);
  return { value, units };
}

/** A running tally the caller reads as it goes (a link checks it before each page). */
export function tally(): { units: StorageUnits; run: <T>(work: () => Promise<T>) => Promise<T> } {
  const units: StorageUnits = { read: 0, write: 0 };
  return { units, run: (work) => scopes.run([...(scopes.getStore() ?? []), units], work) };
}
