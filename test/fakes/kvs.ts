/**
 * In-memory stand-in for @forge/kvs, reproducing the documented behaviour the app relies on:
 * a missing key reads as undefined (KEY_NOT_FOUND), FAIL_IF_EXISTS refuses an existing key,
 * transactions hold at most 25 operations and apply all-or-nothing with per-operation conditions,
 * and entity range-index queries page with a cursor. Errors are the real ForgeKvsAPIError class.
 * Use with: jest.mock('@forge/kvs', () => jest.requireActual<typeof import('../fakes/kvs')>('../fakes/kvs').fakeKvsModule)
 */
const actual = jest.requireActual<typeof import('@forge/kvs')>('@forge/kvs');

type Clause = { condition: string; values: unknown[] };
type FilterItem = Clause & { property: string };
interface FilterLike { filters(): FilterItem[]; operator(): 'and' | 'or' }

/** Range attribute of each entity index (what manifest.yml declares). */
const INDEXES: Record<string, Record<string, string>> = { 'sla-due': { 'by-next-check': 'nextCheckAt' }, 'sla-history': { 'by-project': 'issueNum' }, 'sla-config': { projectId: 'projectId' }, 'sla-report-shard': { projectId: 'projectId' } };
/** Partition attribute of the indexes that have one. */
const PARTITIONS: Record<string, Record<string, string>> = { 'sla-history': { 'by-project': 'projectId' } };

export const MAX_TRANSACTION_OPS = 25;

const apiError = (status: number, code: string, message: string) => new actual.ForgeKvsAPIError({ status, statusText: code }, { code, message });

export class FakeKvsStore {
  readonly plain = new Map<string, unknown>();
  readonly entities = new Map<string, Map<string, unknown>>();
  writes = 0;
  reads = 0;

  table(entity?: string): Map<string, unknown> {
    if (!entity) return this.plain;
    let t = this.entities.get(entity);
    if (!t) this.entities.set(entity, (t = new Map()));
    return t;
  }

  reset(): void {
    this.plain.clear();
    this.entities.clear();
    this.writes = 0;
    this.reads = 0;
  }
}

export const store = new FakeKvsStore();
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

function matches(value: unknown, c: Clause): boolean {
  const [a, b] = c.values as [never, never];
  const v = value as never;
  switch (c.condition) {
    case 'EQUAL_TO': return v === a;
    case 'NOT_EQUAL_TO': return v !== a;
    case 'LESS_THAN': return v < a;
    case 'LESS_THAN_EQUAL_TO': return v <= a;
    case 'GREATER_THAN': return v > a;
    case 'GREATER_THAN_EQUAL_TO': return v >= a;
    case 'BETWEEN': return v >= a && v <= b;
    case 'BEGINS_WITH': return typeof value === 'string' && value.startsWith(String(a));
    case 'EXISTS': return value !== undefined;
    case 'NOT_EXISTS': return value === undefined;
    default: throw new Error(`fake kvs: condition ${c.condition} not modelled`);
  }
}

function holds(record: unknown, filter: FilterLike | undefined): boolean {
  if (!filter) return true;
  const rec = (record ?? {}) as Record<string, unknown>;
  const results = filter.filters().map((f) => record !== undefined && matches(rec[f.property], f));
  return filter.operator() === 'or' ? results.some(Boolean) : results.every(Boolean);
}

/** The documented key rule: at most 500 characters of letters, digits and `:._-#` or spaces. */
const KEY_RULE = /^(?!\s+$)[a-zA-Z0-9:._\s#-]{1,500}$/;

function checkKey(key: string): void {
  if (!KEY_RULE.test(key)) throw apiError(400, 'INVALID_KEY', `invalid key ${key}`);
}

function get(entity: string | undefined, key: string): unknown {
  checkKey(key);
  store.reads++;
  return clone(store.table(entity).get(key));
}

function set(entity: string | undefined, key: string, value: unknown, options?: { keyPolicy?: string }): void {
  checkKey(key);
  const t = store.table(entity);
  if (options?.keyPolicy === 'FAIL_IF_EXISTS' && t.has(key)) throw apiError(409, 'KEY_ALREADY_EXISTS', `key ${key} exists`);
  store.writes++;
  t.set(key, clone(value));
}

function query(entity: string, index: string, options?: { partition?: unknown[] }) {
  const attr = INDEXES[entity]?.[index];
  if (!attr) throw apiError(400, 'INDEX_NOT_FOUND', `no index ${index} on ${entity}`);
  const partAttr = PARTITIONS[entity]?.[index];
  const inPartition = (v: unknown) => !partAttr || options?.partition === undefined || (v as Record<string, unknown>)[partAttr] === options.partition[0];
  let where: Clause | undefined;
  let limit = 20;
  let cursor = 0;
  const builder = {
    where(c: Clause) { where = c; return builder; },
    limit(n: number) { limit = n; return builder; },
    cursor(c: string) { cursor = Number(c); return builder; },
    async getMany() {
      store.reads++;
      const rows = [...store.table(entity).entries()]
        .filter(([, v]) => inPartition(v) && (!where || matches((v as Record<string, unknown>)[attr], where)))
        .sort(([ka, a], [kb, b]) => Number((a as Record<string, number>)[attr]) - Number((b as Record<string, number>)[attr]) || (ka < kb ? -1 : 1));
      const page = rows.slice(cursor, cursor + limit).map(([key, value]) => ({ key, value: clone(value) }));
      const next = cursor + limit < rows.length ? String(cursor + limit) : undefined;
      return { results: page, nextCursor: next };
    },
  };
  return builder;
}

type Op = { kind: 'set' | 'delete' | 'check'; key: string; value?: unknown; entity?: { entityName: string; conditions?: FilterLike } };

function transact() {
  const ops: Op[] = [];
  const builder = {
    set(key: string, value: unknown, entity?: Op['entity']) { ops.push({ kind: 'set', key, value, entity }); return builder; },
    delete(key: string, entity?: Op['entity']) { ops.push({ kind: 'delete', key, entity }); return builder; },
    check(key: string, entity: Op['entity']) { ops.push({ kind: 'check', key, entity }); return builder; },
    async execute() {
      if (ops.length > MAX_TRANSACTION_OPS) throw apiError(400, 'TOO_MANY_OPERATIONS', `transactions hold at most ${MAX_TRANSACTION_OPS} operations`);
      for (const op of ops) {
        const current = store.table(op.entity?.entityName).get(op.key);
        if (!holds(current, op.entity?.conditions)) throw apiError(409, 'CONDITION_FAILED', `condition failed for ${op.key}`);
      }
      for (const op of ops) {
        if (op.kind === 'set') set(op.entity?.entityName, op.key, op.value);
        if (op.kind === 'delete') store.table(op.entity?.entityName).delete(op.key);
      }
    },
  };
  return builder;
}

/** Plain-key query: the one documented clause, `where('key', beginsWith(prefix))`. */
function plainQuery() {
  let prefix = '';
  let limit = 20;
  let cursor = 0;
  const builder = {
    where(_field: 'key', c: Clause) { prefix = String(c.values[0]); return builder; },
    limit(n: number) { limit = n; return builder; },
    cursor(c: string) { cursor = Number(c); return builder; },
    async getMany() {
      store.reads++;
      const keys = [...store.plain.keys()].filter((k) => k.startsWith(prefix)).sort();
      const page = keys.slice(cursor, cursor + limit).map((key) => ({ key, value: clone(store.plain.get(key)) }));
      return { results: page, nextCursor: cursor + limit < keys.length ? String(cursor + limit) : undefined };
    },
  };
  return builder;
}

type BatchItem = { key: string; entityName?: string; value?: unknown };

const fakeKvs = {
  query: plainQuery,
  batchGet: async (items: BatchItem[]) => ({
    successfulKeys: items.flatMap((i) => (store.table(i.entityName).has(i.key) ? [{ key: i.key, entityName: i.entityName, value: get(i.entityName, i.key) }] : [])),
    failedKeys: [],
  }),
  batchSet: async (items: BatchItem[]) => {
    for (const i of items) set(i.entityName, i.key, i.value);
    return { successfulKeys: items.map((i) => ({ key: i.key, entityName: i.entityName })), failedKeys: [] };
  },
  get: async (key: string) => get(undefined, key),
  set: async (key: string, value: unknown, options?: { keyPolicy?: string }) => set(undefined, key, value, options),
  delete: async (key: string) => { store.writes++; store.plain.delete(key); },
  entity: (name: string) => ({
    get: async (key: string) => get(name, key),
    set: async (key: string, value: unknown, options?: { keyPolicy?: string }) => set(name, key, value, options),
    delete: async (key: string) => { store.writes++; store.table(name).delete(key); },
    query: () => ({ index: (index: string, options?: { partition?: unknown[] }) => query(name, index, options) }),
  }),
  transact,
  // Secrets live apart from plain keys, as in Forge (getSecret never sees a plain key).
  getSecret: async (key: string) => get('__secret__', key),
  setSecret: async (key: string, value: unknown, options?: { keyPolicy?: string }) => set('__secret__', key, value, options),
  deleteSecret: async (key: string) => { store.writes++; store.table('__secret__').delete(key); },
};

export const fakeKvsModule = { ...actual, kvs: fakeKvs, default: fakeKvs };
