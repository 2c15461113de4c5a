/**
 * The history mirror's record: each issue's SLA-relevant history kept in app storage, compact, with
 * every value already reduced to the id the core compares. It is turned back into the IssueBundle
 * shape that `mapHistory` reads, so the mirror and a fresh Jira read go through the same mapping and
 * cannot disagree about what a change means.
 *
 * Built from a Jira read (`fromBundle`, backfill and fallback) and kept up to date from the changelog
 * items and comment each product event carries (`applyDelta`), without reading Jira.
 */
import type { IssueBundle } from '../jira/issueReads';
import { fieldValue } from '../jira/mapHistory';
import type { RawComment, RawHistory } from '../jira/schemas';

/** [fieldId, from, to, fromString, toString]; the strings matter only for labels. */
export type MirrorItem = [string, string | null, string | null, string | null, string | null];
/** [historyId, createdMs, items] */
export type MirrorHistory = [string, number, MirrorItem[]];
/** [commentId, createdMs, authorAccountId, authorAccountType, public] */
export type MirrorComment = [string, number, string | null, string | null, boolean];

export interface MirrorData {
  v: 1;
  key: string;
  /** Field ids whose changes are kept; a policy needing any other field needs a backfill. */
  covers: string[];
  /** Current values: `{id}` for single values (status also has its category), id lists for list fields. */
  fields: Record<string, unknown>;
  histories: MirrorHistory[];
  comments: MirrorComment[];
  /**
   * The newest event applied since the last Jira read (ms). `fields.updated` stays at that read, as the
   * property's `seen` must (recomputeFromMirror); a backfill page compares both with its own read.
   */
  eventAt?: number;
}

/** What one product event carries that can change an SLA, as queued for the consumer. */
export interface MirrorDelta {
  at: number;
  changelog?: { id: string; items: Array<{ field: string; fieldId?: string; from?: string | null; to?: string | null; fromString?: string | null; toText?: string | null }> };
  comment?: { id: string; created?: string; author?: { accountId?: string; accountType?: string }; jsdPublic?: boolean; internal?: boolean };
  deletedCommentId?: string;
  /** Current values of the fields the event payload carries (a subset). */
  fields?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A field value reduced to what `fieldValue`, `projectOf` and the status-category lookup read. */
export function compactValue(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (Array.isArray(raw)) return raw.map(fieldValue).filter((v): v is string => v !== null);
  if (!isObject(raw)) return fieldValue(raw);
  const id = fieldValue(raw);
  const category = isObject(raw.statusCategory) ? raw.statusCategory.key : undefined;
  return typeof category === 'string' ? { id, statusCategory: { key: category } } : { id };
}

const KEEP_ALWAYS = ['created', 'reporter', 'project'];

export function fromBundle(bundle: IssueBundle, covers: string[]): MirrorData {
  const keep = new Set(covers);
  const fields: Record<string, unknown> = {};
  for (const f of new Set([...covers, ...KEEP_ALWAYS])) {
    if (f in bundle.fields) fields[f] = f === 'created' ? bundle.fields[f] : compactValue(bundle.fields[f]);
  }
  const histories: MirrorHistory[] = bundle.histories.map((h) => [h.id, Date.parse(h.created), compactItems(h.items, keep)]);
  const comments: MirrorComment[] = bundle.comments.map((c) => [c.id, Date.parse(c.created), c.author?.accountId ?? null, c.author?.accountType ?? null, isPublic(c)]);
  return { v: 1, key: bundle.key, covers: [...keep].sort(), fields, histories: histories.filter((h) => h[2].length > 0), comments };
}

function isPublic(c: RawComment): boolean {
  if (c.jsdPublic === false) return false;
  const prop = c.properties?.find((p) => p.key === 'sd.public.comment');
  return !(isObject(prop?.value) && prop.value.internal === true);
}

function compactItems(items: RawHistory['items'] | NonNullable<MirrorDelta['changelog']>['items'], keep: Set<string>): MirrorItem[] {
  const out: MirrorItem[] = [];
  for (const i of items) {
    const field = i.fieldId ?? i.field;
    if (!keep.has(field)) continue;
    out.push([field, i.from ?? null, i.to ?? null, i.fromString ?? null, i.toText ?? null]);
  }
  return out;
}

/** Back to the shape a Jira read produces, for `mapHistory`. */
export function toBundle(issueId: string, data: MirrorData): IssueBundle {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: issueId,
    key: data.key,
    fields: data.fields,
    histories: data.histories.map(([id, at, items]) => ({
      id,
      created: iso(at),
      items: items.map(([fieldId, from, to, fromString, toText]) => ({ field: fieldId, fieldId, from, to, fromString, toText })),
    })),
    comments: data.comments.map(([id, at, accountId, accountType, pub]) => ({
      id,
      created: iso(at),
      author: { ...(accountId ? { accountId } : {}), ...(accountType ? { accountType } : {}) },
      jsdPublic: pub,
    })),
    slaProperty: undefined,
  };
}

export const coversAll = (data: MirrorData, needed: string[]): boolean => needed.every((f) => f === 'created' || data.covers.includes(f));

const newestFor = (data: MirrorData, field: string): number =>
  data.histories.reduce((m, [id, , items]) => (items.some((i) => i[0] === field) ? Math.max(m, Number(id)) : m), -Infinity);

/** A list field's current value after one changelog item (Jira logs one item per added or removed element). */
function applyListItem(current: unknown, item: MirrorItem): string[] {
  const list = Array.isArray(current) ? current.filter((v): v is string => typeof v === 'string') : [];
  const without = item[1] === null ? list : list.filter((v) => v !== item[1]);
  return item[2] === null || without.includes(item[2]) ? without : [...without, item[2]];
}

function applyItem(data: MirrorData, historyId: string, item: MirrorItem): void {
  const [field, , to, , toText] = item;
  const current = data.fields[field];
  if (field === 'labels') data.fields.labels = toText ? toText.split(' ').filter(Boolean) : [];
  else if (Array.isArray(current)) data.fields[field] = applyListItem(current, item);
  // An older change arriving late must not overwrite the value a newer change set.
  else if (Number(historyId) >= newestFor(data, field)) data.fields[field] = to === null ? null : { id: to };
}

function applyChangelog(data: MirrorData, at: number, changelog: NonNullable<MirrorDelta['changelog']>): void {
  if (data.histories.some(([id]) => id === changelog.id)) return; // a redelivered event
  const items = compactItems(changelog.items, new Set(data.covers));
  if (items.length === 0) return;
  for (const item of items) applyItem(data, changelog.id, item);
  data.histories.push([changelog.id, at, items]);
  data.histories.sort((a, b) => a[1] - b[1] || Number(a[0]) - Number(b[0]));
}

/** Applies one event's content; returns false when the record cannot absorb it (a field it does not cover moved). */
export function applyDelta(data: MirrorData, delta: MirrorDelta): MirrorData {
  const next: MirrorData = { ...data, fields: { ...data.fields }, histories: [...data.histories], comments: [...data.comments] };
  if (delta.changelog) applyChangelog(next, delta.at, delta.changelog);
  const statusNow = delta.fields?.status;
  // The payload's status carries its category; keep it when it is the status the history ends on.
  if (isObject(statusNow) && fieldValue(statusNow) === fieldValue(next.fields.status)) next.fields.status = compactValue(statusNow);
  if (delta.comment && !next.comments.some(([id]) => id === delta.comment?.id)) {
    const c = delta.comment;
    const pub = c.jsdPublic !== false && c.internal !== true;
    next.comments.push([c.id, c.created ? Date.parse(c.created) : delta.at, c.author?.accountId ?? null, c.author?.accountType ?? null, pub]);
    next.comments.sort((a, b) => a[1] - b[1]);
  }
  if (delta.deletedCommentId) next.comments = next.comments.filter(([id]) => id !== delta.deletedCommentId);
  return next;
}

/**
 * Labels the app has just added itself (a breach or warning action). Jira logs that change, but the app
 * never receives the events of its own writes, so the record learns it from the write that succeeded:
 * the current list and one history item, as a fresh read would show them. The history id is the
 * app's own (Jira's PUT does not return it); a later read from Jira replaces the whole record anyway.
 */
export function withOwnLabels(data: MirrorData, labels: string[], at: number): MirrorData {
  const before = Array.isArray(data.fields.labels) ? data.fields.labels.filter((l): l is string => typeof l === 'string') : [];
  const added = labels.filter((l, i) => !before.includes(l) && labels.indexOf(l) === i);
  if (added.length === 0 || !data.covers.includes('labels')) return data;
  const after = [...before, ...added];
  const item: MirrorItem = ['labels', null, null, before.length ? before.join(' ') : null, after.join(' ')];
  const histories: MirrorHistory[] = [...data.histories, [`app-labels-${at}`, at, [item]]];
  return { ...data, fields: { ...data.fields, labels: after }, histories };
}
