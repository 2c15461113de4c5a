/**
 * In-memory Forge KVS + Custom Entity Store answering the real @forge/kvs client's wire protocol
 * (POST /api/v1/get|set|delete|query|batch/*|transaction|secret/*|entity/*). A missing key answers
 * 404 {code: 'KEY_NOT_FOUND'}, which the client turns into `undefined`.
 */
import type { EntityIndexDef } from './manifest';
import { sortValue, test, testFilters, type WireCondition, type WireFilters } from './kvs-match';

interface Entry { value: unknown; createdAt: number; updatedAt: number }
export interface KvsState { kv: Record<string, Entry>; secrets: Record<string, Entry>; entities: Record<string, Record<string, Entry>> }
export interface KvsReply { status: number; body?: unknown }

type Body = Record<string, unknown>;
const KEY = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const MAX_KEY_LENGTH = 500;
const MAX_VALUE_BYTES = 240 * 1024;
/** The error table allows 32 levels of nesting; the limits page says 31. The emulator refuses beyond 32. */
const MAX_DEPTH = 32;
export const MAX_TRANSACTION_OPS = 25;
const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/** Runs a storage call through limits and faults (emulator/limits) before the store applies it. */
export type StorageGate = (path: string, body: unknown, apply: (path: string, body: unknown) => KvsReply) => KvsReply;

function depthOf(v: unknown): number {
  if (!v || typeof v !== 'object') return 0;
  const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  return 1 + children.reduce<number>((m, c) => Math.max(m, depthOf(c)), 0);
}

/** Null-prototype tables: a key such as `__proto__` or `toString` is an ordinary key. */
const table = <T>(from: Record<string, T> = {}): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, from);

/** An empty null-prototype table (persistence restores JSON into these). */
export const emptyTable = (): Record<string, Entry> => table<Entry>();

export function emptyKvs(): KvsState {
  return { kv: table(), secrets: table(), entities: table() };
}

function safeState(s: KvsState): KvsState {
  const entities = table<Record<string, Entry>>();
  for (const [name, rows] of Object.entries(s.entities)) entities[name] = table(rows);
  return { kv: table(s.kv), secrets: table(s.secrets), entities };
}

const err = (status: number, code: string, message: string): KvsReply => ({ status, body: { code, message } });

export class KvsStore {
  gate: StorageGate | null = null;

  private tables: KvsState = emptyKvs();

  constructor(state: KvsState, private readonly now: () => number, private readonly indexes: () => Map<string, EntityIndexDef[]>) {
    this.state = state;
  }

  get state(): KvsState {
    return this.tables;
  }

  /** Restored or reset state is copied into null-prototype tables. */
  set state(s: KvsState) {
    this.tables = safeState(s);
  }

  private entityTable(name: string): Record<string, Entry> {
    return (this.state.entities[name] ??= table());
  }

  handle(path: string, body: unknown): KvsReply {
    return this.gate ? this.gate(path, body, (p, b) => this.apply(p, b)) : this.apply(path, body);
  }

  private apply(path: string, body: unknown): KvsReply {
    const b = (body ?? {}) as Body;
    const tableFor = (kind: string): Record<string, Entry> => {
      if (kind === 'secret') return this.state.secrets;
      const name = String(b.entityName ?? '');
      return this.entityTable(name);
    };
    const m = /^\/api\/v1\/(?:(secret|entity)\/)?(get|set|delete|query)$/.exec(path);
    if (m) {
      const t = m[1] ? tableFor(m[1]) : this.state.kv;
      if (m[2] === 'get') return this.get(t, b);
      if (m[2] === 'set') return this.set(t, b);
      if (m[2] === 'delete') return this.delete(t, b);
      return m[1] === 'entity' ? this.queryEntity(b) : this.query(b);
    }
    if (path === '/api/v1/batch/set') return this.batch(body, (t, item) => this.set(t, item));
    if (path === '/api/v1/batch/delete') return this.batch(body, (t, item) => this.delete(t, item));
    if (path === '/api/v1/batch/get') return this.batchGet(body);
    if (path === '/api/v1/transaction') return this.transact(b);
    return err(404, 'NOT_EMULATED', `not emulated: KVS ${path}`);
  }

  private get(t: Record<string, Entry>, b: Body): KvsReply {
    const key = String(b.key ?? '');
    const e = t[key];
    return e ? { status: 200, body: { key, value: e.value, createdAt: e.createdAt, updatedAt: e.updatedAt } } : err(404, 'KEY_NOT_FOUND', `The key ${key} was not found`);
  }

  private set(t: Record<string, Entry>, b: Body): KvsReply {
    const key = String(b.key ?? '');
    const invalid = this.validate(b);
    if (invalid) return invalid;
    const opts = (b.options ?? {}) as { keyPolicy?: string; returnValue?: string };
    const prev = t[key];
    if (opts.keyPolicy === 'FAIL_IF_EXISTS' && prev) return err(409, 'KEY_ALREADY_EXISTS', `The key ${key} already exists`);
    const at = this.now();
    const next: Entry = { value: JSON.parse(JSON.stringify(b.value ?? null)) as unknown, createdAt: prev?.createdAt ?? at, updatedAt: at };
    t[key] = next;
    if (opts.returnValue === 'PREVIOUS') return { status: 200, body: prev ? { key, ...prev } : '' };
    if (opts.returnValue === 'LATEST') return { status: 200, body: { key, ...next } };
    return { status: 204 };
  }

  /** The key and value checks of a set, without applying it (transactions check every op first). */
  private validate(b: Body): KvsReply | null {
    const key = String(b.key ?? '');
    if (key.length > MAX_KEY_LENGTH) return err(400, 'KEY_TOO_LONG', `The key exceeds ${MAX_KEY_LENGTH} characters`);
    if (!KEY.test(key)) return err(400, 'INVALID_KEY', `The key '${key}' is not valid`);
    if (Buffer.byteLength(JSON.stringify(b.value ?? null)) > MAX_VALUE_BYTES) return err(400, 'MAX_SIZE', 'The value exceeds 240 KiB');
    if (depthOf(b.value) > MAX_DEPTH) return err(400, 'MAX_DEPTH', `The value is nested deeper than ${MAX_DEPTH} levels`);
    return null;
  }

  private delete(t: Record<string, Entry>, b: Body): KvsReply {
    const key = String(b.key ?? '');
    if (!t[key]) return err(404, 'KEY_NOT_FOUND', `The key ${key} was not found`);
    delete t[key];
    return { status: 204 };
  }

  private query(b: Body): KvsReply {
    const where = (b.where as WireCondition[] | undefined)?.[0];
    const keys = Object.keys(this.state.kv).filter((k) => !where || test(k, where)).sort();
    return this.pageOf(keys.map((k) => ({ key: k, value: this.state.kv[k]?.value })), b.after ?? b.cursor, b.limit);
  }

  private queryEntity(b: Body): KvsReply {
    const name = String(b.entityName ?? '');
    const index = (this.indexes().get(name) ?? []).find((i) => i.name === b.indexName);
    if (!index) return err(400, 'INVALID_INDEX', `Entity ${name} has no index ${String(b.indexName)} in manifest.yml`);
    const rows = Object.entries(this.state.entities[name] ?? {}).map(([key, e]) => ({ key, value: e.value as Record<string, unknown> }));
    const partition = (b.partition as unknown[] | undefined) ?? [];
    const rangeAttr = index.range[0] ?? '';
    const range = b.range as WireCondition | undefined;
    const hits = rows
      .filter((r) => index.partition.every((attr, i) => partition[i] === undefined || r.value[attr] === partition[i]))
      .filter((r) => !range || test(r.value[rangeAttr], range))
      .filter((r) => testFilters(r.value, b.filters as WireFilters | undefined))
      .sort((x, y) => sortValue(x.value[rangeAttr], y.value[rangeAttr]) || x.key.localeCompare(y.key));
    if (b.sort === 'DESC') hits.reverse();
    return this.pageOf(hits, b.cursor, b.limit);
  }

  /** Cursors are offsets: fine for an emulator, and as opaque to callers as the real ones. */
  private pageOf(items: Array<{ key: string; value: unknown }>, cursor: unknown, limit: unknown): KvsReply {
    const offset = typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64url').toString()) || 0 : 0;
    const n = typeof limit === 'number' && limit > 0 ? Math.min(limit, 100) : 10;
    const data = items.slice(offset, offset + n);
    const more = offset + n < items.length;
    return { status: 200, body: { data, ...(more ? { cursor: Buffer.from(String(offset + n)).toString('base64url') } : {}) } };
  }

  private batch(body: unknown, op: (t: Record<string, Entry>, item: Body) => KvsReply): KvsReply {
    const items = Array.isArray(body) ? (body as Body[]) : [];
    const successfulKeys: Body[] = [];
    const failedKeys: Body[] = [];
    for (const item of items) {
      const t = item.entityName ? this.entityTable(String(item.entityName)) : this.state.kv;
      const r = op(t, item);
      const ref = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
      if (r.status < 300 || (r.body as { code?: string })?.code === 'KEY_NOT_FOUND') successfulKeys.push(ref);
      else failedKeys.push({ ...ref, error: r.body });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(body: unknown): KvsReply {
    const items = Array.isArray(body) ? (body as Body[]) : [];
    const found = items.flatMap((item) => {
      const t = item.entityName ? this.state.entities[String(item.entityName)] ?? table<Entry>() : this.state.kv;
      const e = t[String(item.key)];
      return e ? [{ key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}), value: e.value, createdAt: e.createdAt, updatedAt: e.updatedAt }] : [];
    });
    return { status: 200, body: { successfulKeys: found, failedKeys: [] } };
  }

  /** All checks first, then the writes: nothing is half-applied when a condition fails. */
  private transact(b: Body): KvsReply {
    const ops = [...((b.set as Body[]) ?? []), ...((b.delete as Body[]) ?? []), ...((b.check as Body[]) ?? [])];
    if (ops.length > MAX_TRANSACTION_OPS) return err(400, 'TOO_MANY_OPERATIONS', `A transaction holds at most ${MAX_TRANSACTION_OPS} operations`);
    if (Buffer.byteLength(JSON.stringify(b)) > MAX_TRANSACTION_BYTES) return err(400, 'MAX_SIZE', 'A transaction carries at most 4 MB');
    const refs = ops.map((o) => `${String(o.entityName ?? '')}\u0000${String(o.key)}`);
    if (new Set(refs).size !== refs.length) return err(400, 'DUPLICATE_KEY', 'A transaction names each key once');
    const invalid = ((b.set as Body[]) ?? []).map((s) => this.validate(s)).find((r) => r !== null);
    if (invalid) return invalid;
    const tableOf = (o: Body) => (o.entityName ? this.entityTable(String(o.entityName)) : this.state.kv);
    for (const o of ops) {
      if (!o.conditions) continue;
      const current = tableOf(o)[String(o.key)]?.value;
      if (!testFilters(current ?? {}, o.conditions as WireFilters)) return err(409, 'CONDITIONAL_CHECK_FAILED', `Condition failed for key ${String(o.key)}`);
    }
    for (const s of (b.set as Body[]) ?? []) this.set(tableOf(s), s);
    for (const d of (b.delete as Body[]) ?? []) delete tableOf(d)[String(d.key)];
    return { status: 204 };
  }
}
