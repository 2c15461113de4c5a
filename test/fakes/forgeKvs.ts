/**
 * The one KVS of the tests: the emulator's store (emulator/forge/kvs.ts), reached by the real
 * @forge/kvs client through the same globals the emulator installs (emulator/forge/globals.ts),
 * with the entity indexes manifest.yml declares. Importing this module installs them for the test
 * file (Jest gives every file its own globals). Jira and the platform's other services answer 404
 * here: backend tests reach Jira through their own fake client.
 * Use with: import { store } from '../fakes/forgeKvs';
 */
import { join } from 'node:path';
import { installForgeGlobals } from '../../emulator/forge/globals';
import { emptyKvs, KvsStore, type KvsReply } from '../../emulator/forge/kvs';
import { loadManifest } from '../../emulator/forge/manifest';

export { MAX_TRANSACTION_OPS } from '../../emulator/forge/kvs';

const manifest = loadManifest(join(__dirname, '../../manifest.yml'));
const kvs = new KvsStore(emptyKvs(), () => Date.now(), () => manifest.entityIndexes);

/** A request that only reads: a get or a query, one key or a batch. */
const READ = /\/(get|query)$/;

/** The store as the tests see it: request counters, the plain keys, and a reset between tests. */
export const store = {
  /** Storage requests that read (one per get, batch get or query page). */
  reads: 0,
  /** Storage requests that write (one per set, delete, batch or transaction). */
  writes: 0,
  plainKeys(): string[] {
    return Object.keys(kvs.state.kv);
  },
  /** One custom entity's rows, read and written directly (set-up and inspection, not counted as requests). */
  table(entity: string): { get(key: string): unknown; set(key: string, value: unknown): void; [Symbol.iterator](): Iterator<[string, unknown]> } {
    const rows = (kvs.state.entities[entity] ??= Object.create(null) as (typeof kvs.state.entities)[string]);
    return {
      [Symbol.iterator]: () => Object.entries(rows).map(([k, e]): [string, unknown] => [k, structuredClone(e.value)])[Symbol.iterator](),
      get: (key) => (Object.hasOwn(rows, key) ? structuredClone(rows[key]!.value) : undefined),
      set: (key, value) => { rows[key] = { value: structuredClone(value), createdAt: Date.now(), updatedAt: Date.now() }; },
    };
  },
  reset(): void {
    kvs.state = emptyKvs();
    store.reads = 0;
    store.writes = 0;
  },
};

function handle(path: string, body: unknown): KvsReply {
  if (READ.test(path)) store.reads++;
  else store.writes++;
  return kvs.handle(path, body);
}

const notHere = (what: string): KvsReply => ({ status: 404, body: { message: `${what} is not part of the storage fake` } });

installForgeGlobals({
  appAccountId: 'acc-app-sla-clock',
  jira: async () => notHere('Jira'),
  kvs: handle,
  stargate: () => notHere('The platform service'),
});
