/**
 * Measures the app-storage units a piece of work costs, as Forge bills them: per request, the size of
 * the answer (reads) or of the request (writes) in 10 KB units, rounded up, at least one. App storage
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
  const bytes = value === undefined ? 0 : Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value));
  return Math.max(1, Math.ceil(bytes / STORAGE_UNIT_BYTES));
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
      charge('write', unitsOf(body));
      return original.call(this, path, body, responseType);
    }
    try {
      const answer = await original.call(this, path, body, responseType);
      charge('read', unitsOf(answer));
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
