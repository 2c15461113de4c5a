/**
 * Report aggregates: every counted SLA cycle of a project, kept in app storage so a report never
 * reads issues. Cycles are filed by the UTC month of their stop into shard entities
 * (project × month × shard of the issue id), each holding, per issue, that issue's cycles of the
 * month, packed (reportShardCodec.ts). Writing an issue's whole entry (not a delta) makes every
 * update idempotent: a recompute that changes past cycles replaces the entry, and a retried or
 * repeated write changes nothing.
 *
 * Many issues share a shard, so writes are optimistic: a `rev` attribute is the transaction
 * condition and a lost race is retried on fresh data. A per-issue record lists the months the issue
 * is filed under, so an issue whose cycles move (or disappear, or whose project changes) is removed
 * from exactly the shards that hold it.
 *
 * A shard that would outgrow SHARD_LIMITS.splitBytes splits in two by a further bit of the issue
 * hash, in one transaction conditioned on its rev: the parent keeps only `split: true`, so a writer
 * that raced the split fails its condition and retries into the right half. Readers follow splits.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { decodeShard, encodeShard, scanShard, type CycleVisit, type PackedShardBody } from './reportShardCodec';
import { legacyShardIssues } from './migrations';

export const REPORT_SHARD_ENTITY = 'sla-report-shard';
/** Shards per project and month before any split. */
export const REPORT_SHARDS = 32;
/** Kept well under the 240 KiB value limit; tests lower it to exercise splits. */
export const SHARD_LIMITS = { splitBytes: 200 * 1024 };
const MAX_ATTEMPTS = 12;
/** 5 hash bits choose the shard and at most 26 more its halves: far beyond any real project. */
const MAX_SPLIT_DEPTH = 26;

/** [metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, met (1/0), breachedAt] */
export type PackedCycle = [string, string | null, number, number, number, number | null, 0 | 1, number | null];

export interface FiledIssue {
  /** Issue key when filed (a moved issue is refiled under its new key by its next recompute). */
  k: string;
  /** Priority id of the issue when filed. */
  p: string | null;
  c: PackedCycle[];
}

/** A shard as the app sees it, decoded. */
export interface ShardRecord {
  projectId: string;
  month: string;
  rev: number;
  issues: Map<string, FiledIssue>;
}

/** A shard as stored; `issues` is the first (unpacked) layout, read until the shard is next written. */
export interface StoredShard {
  projectId: string;
  month: string;
  rev: number;
  packed?: PackedShardBody;
  split?: boolean;
  issues?: unknown;
}

/** Where an issue is filed, and a hash of what, so an unchanged recompute writes nothing. */
export interface IssueFiling {
  projectId: string;
  months: string[];
  hash: string;
}

const filingKey = (issueId: string) => `report-issue:${issueId}`;
/** `path` is the split bits below the shard ("" for the shard itself). */
export const shardKey = (projectId: string, month: string, shard: number, path = '') => `report:${projectId}:${month}:${shard}${path === '' ? '' : `.${path}`}`;

function hashOf(issueId: string): number {
  // FNV-1a, then a multiplicative mix: its high bits spread consecutive numeric ids evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < issueId.length; i++) h = Math.imul(h ^ issueId.charCodeAt(i), 0x01000193);
  return Math.imul(h, 0x9e3779b1) >>> 0;
}

/** A stable shard per issue id (ids are numeric strings in Jira; any string works). */
export function shardOf(issueId: string): number {
  return (hashOf(issueId) >>> 27) % REPORT_SHARDS;
}

/** The half an issue falls in at a split depth (0-based): the next hash bit below the shard bits. */
export function halfOf(issueId: string, depth: number): '0' | '1' {
  return (hashOf(issueId) >>> (26 - depth)) & 1 ? '1' : '0';
}

export async function getFiling(issueId: string): Promise<IssueFiling | undefined> {
  return kvs.get<IssueFiling>(filingKey(issueId));
}

export async function setFiling(issueId: string, filing: IssueFiling | null): Promise<void> {
  if (filing === null) await kvs.delete(filingKey(issueId));
  else await kvs.set(filingKey(issueId), filing);
}

const shards = () => kvs.entity<StoredShard>(REPORT_SHARD_ENTITY);

export function decodeStored(stored: StoredShard): ShardRecord {
  const issues = stored.packed ? decodeShard(stored.month, stored.packed) : new Map(legacyShardIssues(stored.issues));
  return { projectId: stored.projectId, month: stored.month, rev: stored.rev, issues };
}

const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
const sameRev = (rev: number) => new Filter<StoredShard>().and('rev', FilterConditions.equalTo(rev));

interface Leaf {
  projectId: string;
  month: string;
  shard: number;
  /** Split bits below the shard, one character per depth. */
  path: string;
  stored: StoredShard | undefined;
}

const keyOf = (l: Leaf, extra = '') => shardKey(l.projectId, l.month, l.shard, l.path + extra);

/**
 * The writes that store `issues` at a leaf: the leaf itself, or when too big a split marker and its
 * two halves, each split again while still too big (an uneven hash can leave one half large).
 */
function layout(leaf: Leaf, path: string, rev: number, issues: Map<string, FiledIssue>): Array<[string, StoredShard]> {
  // One write splits at most 3 levels deep: 15 operations, within a transaction's 25.
  const deepest = Math.min(MAX_SPLIT_DEPTH, leaf.path.length + 3);
  const { projectId, month } = leaf;
  const whole: StoredShard = { projectId, month, rev, packed: encodeShard(month, issues) };
  const key = shardKey(projectId, month, leaf.shard, path);
  if (issues.size <= 1 || path.length >= deepest || sizeOf(whole) <= SHARD_LIMITS.splitBytes) return [[key, whole]];
  const halves = { '0': new Map<string, FiledIssue>(), '1': new Map<string, FiledIssue>() };
  for (const [id, filed] of issues) halves[halfOf(id, path.length)].set(id, filed);
  return [[key, { projectId, month, rev, split: true }], ...layout(leaf, `${path}0`, 1, halves['0']), ...layout(leaf, `${path}1`, 1, halves['1'])];
}

const plan = (leaf: Leaf, next: ShardRecord) => layout(leaf, leaf.path, (leaf.stored?.rev ?? 0) + 1, next.issues);

/** One optimistic attempt: false when another writer got there first. */
async function tryWrite(leaf: Leaf, writes: Array<[string, StoredShard]>): Promise<boolean> {
  const current = leaf.stored;
  try {
    const [first, ...rest] = writes;
    if (!first) return true;
    if (current === undefined && rest.length === 0) await shards().set(first[0], first[1], { keyPolicy: 'FAIL_IF_EXISTS' });
    else {
      const tx = kvs.transact();
      tx.set(first[0], first[1], { entityName: REPORT_SHARD_ENTITY, ...(current ? { conditions: sameRev(current.rev) } : {}) });
      for (const [k, v] of rest) tx.set(k, v, { entityName: REPORT_SHARD_ENTITY });
      await tx.execute();
    }
    return true;
  } catch (e) {
    const latest = await shards().get(keyOf(leaf));
    if ((latest?.rev ?? -1) !== (current?.rev ?? -1)) return false;
    throw e;
  }
}

type Change = FiledIssue | null;

/** The leaves holding the issues, following splits, each stored shard read once; grouped by leaf. */
async function leavesOf(projectId: string, month: string, issueIds: readonly string[]): Promise<Array<{ leaf: Leaf; ids: string[] }>> {
  const reads = new Map<string, Promise<StoredShard | undefined>>();
  const read = (key: string): Promise<StoredShard | undefined> => {
    const pending = reads.get(key) ?? shards().get(key);
    reads.set(key, pending);
    return pending;
  };
  const groups = new Map<string, { leaf: Leaf; ids: string[] }>();
  for (const id of issueIds) {
    const leaf: Leaf = { projectId, month, shard: shardOf(id), path: '', stored: undefined };
    for (;;) {
      leaf.stored = await read(keyOf(leaf));
      if (!leaf.stored?.split) break;
      leaf.path += halfOf(id, leaf.path.length);
    }
    const group = groups.get(keyOf(leaf)) ?? { leaf, ids: [] };
    group.ids.push(id);
    groups.set(keyOf(leaf), group);
  }
  return [...groups.values()];
}

/** Applies the changes to the leaf's shard; false when none changes anything (nothing to write). */
function applyTo(next: ShardRecord, ids: readonly string[], changes: ReadonlyMap<string, Change>): boolean {
  let changed = false;
  for (const id of ids) {
    const entry = changes.get(id) ?? null;
    if (JSON.stringify(next.issues.get(id) ?? null) === JSON.stringify(entry)) continue;
    changed = true;
    if (entry === null) next.issues.delete(id);
    else next.issues.set(id, entry);
  }
  return changed;
}

/**
 * Sets (or with null removes) many issues' entries in one project-month: each shard holding some of
 * them is read once and written once (a page of a recompute costs a shard read per shard, not per
 * issue). Lost races are retried on fresh data; answers the issues still contended after every attempt.
 */
export async function fileIssues(projectId: string, month: string, changes: ReadonlyMap<string, Change>): Promise<Set<string>> {
  let left = [...changes.keys()];
  for (let attempt = 0; attempt < MAX_ATTEMPTS && left.length > 0; attempt++) {
    const lost: string[] = [];
    for (const { leaf, ids } of await leavesOf(projectId, month, left)) {
      const next = leaf.stored ? decodeStored(leaf.stored) : { projectId, month, rev: 0, issues: new Map<string, FiledIssue>() };
      if (applyTo(next, ids, changes) && !(await tryWrite(leaf, plan(leaf, next)))) lost.push(...ids);
    }
    left = lost;
  }
  return new Set(left);
}

/** Sets (or with null removes) one issue's entry in a shard, retrying lost races; false if every attempt lost. */
export async function fileIssue(projectId: string, month: string, issueId: string, entry: Change): Promise<boolean> {
  return (await fileIssues(projectId, month, new Map([[issueId, entry]]))).size === 0;
}

/** Every stored leaf of the given months of a project, halves of split shards included (absent ones skipped). */
async function readLeaves(projectId: string, months: readonly string[]): Promise<StoredShard[]> {
  let leaves = months.flatMap((month) => Array.from({ length: REPORT_SHARDS }, (_, shard): Leaf => ({ projectId, month, shard, path: '', stored: undefined })));
  const out: StoredShard[] = [];
  while (leaves.length > 0) {
    await Promise.all(leaves.map(async (l) => { l.stored = await shards().get(keyOf(l)); }));
    const next: Leaf[] = [];
    for (const l of leaves) {
      if (l.stored?.split) next.push({ ...l, path: `${l.path}0`, stored: undefined }, { ...l, path: `${l.path}1`, stored: undefined });
      else if (l.stored) out.push(l.stored);
    }
    leaves = next;
  }
  return out;
}

export async function readShards(projectId: string, months: readonly string[]): Promise<ShardRecord[]> {
  return (await readLeaves(projectId, months)).map(decodeStored);
}

/** Reads the months' shards, then calls `visit` for every stored cycle without decoding them into objects. */
export async function scanCycles(projectId: string, months: readonly string[], visit: CycleVisit): Promise<void> {
  for (const stored of await readLeaves(projectId, months)) {
    if (stored.packed) scanShard(stored.month, stored.packed, visit);
    else for (const [id, filed] of legacyShardIssues(stored.issues)) for (const c of filed.c) visit(id, filed.k, filed.p, c);
  }
}
