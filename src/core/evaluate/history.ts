/**
 * Turns an IssueHistory (any order, possibly duplicated, possibly self-contradicting) into one
 * deterministic list of steps, each with the field values before and after it.
 */
import type { Instant } from '../time';
import type { StatusCategory } from '../policy/types';
import { CategoryLookup } from './categories';
import { compareIds } from './ids';
import type { FieldChange, HistoryComment, HistoryProblem, IssueHistory } from './types';

export type Fields = Readonly<Record<string, string | null>>;

export interface Step {
  at: Instant;
  /** The creation step: every initial value counts as newly set. */
  created: boolean;
  prev: Fields;
  next: Fields;
  /** Field ids this step changed (few: a plain list is cheaper than a set here). */
  changed: readonly string[];
  comment: HistoryComment | null;
  /** Categories of the status before and after, looked up once here rather than by every metric. */
  prevCategory: StatusCategory | undefined;
  nextCategory: StatusCategory | undefined;
}

export interface Replay {
  steps: Step[];
  problems: HistoryProblem[];
  /** Field values after the last step at or before `now` (the initial values before creation). */
  fields: Fields;
  createdAt: Instant;
}

export { compareIds };

const byAtThenId = <T extends { at: Instant; id: string }>(a: T, b: T): number => a.at - b.at || compareIds(a.id, b.id);

const canonical = (item: object): string => JSON.stringify(item, Object.keys(item).sort());

/**
 * Ids strictly increasing in any total order are all distinct. Jira lists changelogs and comments in
 * increasing numeric order, which shorter-first-then-text follows too, and is the cheapest to check.
 */
function strictlyIncreasingIds(items: readonly { id: string }[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]?.id ?? '';
    const b = items[i]?.id ?? '';
    if (a.length > b.length || (a.length === b.length && a >= b)) return false;
  }
  return true;
}

/**
 * Drops duplicates by id; when copies disagree the canonical (smallest JSON) copy wins, so input order
 * never matters. The canonical text is only computed for ids seen twice: duplicates are rare.
 */
function dedupe<T extends { id: string; at: Instant }>(items: readonly T[], problems: HistoryProblem[]): readonly T[] {
  if (strictlyIncreasingIds(items)) return items;
  const ids = new Set<string>();
  for (const item of items) ids.add(item.id);
  if (ids.size === items.length) return items;
  const byId = new Map<string, { item: T; json: string | null }>();
  const conflicts = new Set<string>();
  for (const item of items) {
    const seen = byId.get(item.id);
    if (seen === undefined) {
      byId.set(item.id, { item, json: null });
      continue;
    }
    const kept = seen.json ?? canonical(seen.item);
    const json = canonical(item);
    if (json !== kept) conflicts.add(item.id);
    byId.set(item.id, json < kept ? { item, json } : { item: seen.item, json: kept });
  }
  for (const id of conflicts) problems.push({ code: 'HIST_DUPLICATE_ID_CONFLICT', message: `Two different items share the id ${id}.`, ref: id });
  return [...byId.values()].map((v) => v.item);
}

/** Items that need no repair (valid, between creation and now, already in order) are used as they are. */
function inOrderAndInRange(items: readonly { id: string; at: Instant }[], createdAt: Instant, now: Instant): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined || !(item.at >= createdAt && item.at <= now)) return false;
    const before = items[i - 1];
    if (before !== undefined && byAtThenId(before, item) >= 0) return false;
  }
  return true;
}

/** Items dated after `now` have not happened yet: dropped before deduplication, so they can never hide a past copy. */
const happened = <T extends { at: Instant }>(items: readonly T[], now: Instant): readonly T[] =>
  items.some((i) => i.at > now) ? items.filter((i) => !(i.at > now)) : items;

/** Non-finite instants are dropped; items before creation are moved to the creation instant. */
function sanitize<T extends { id: string; at: Instant }>(items: readonly T[], createdAt: Instant, now: Instant, problems: HistoryProblem[]): readonly T[] {
  const unique = dedupe(happened(items, now), problems);
  if (inOrderAndInRange(unique, createdAt, now)) return unique;
  const out: T[] = [];
  for (const item of unique) {
    if (!Number.isFinite(item.at)) {
      problems.push({ code: 'HIST_BAD_INSTANT', message: `Item ${item.id} has no valid instant and was ignored.`, ref: item.id });
    } else if (item.at < createdAt) {
      problems.push({ code: 'HIST_CHANGE_BEFORE_CREATION', message: `Item ${item.id} is dated before the issue was created; it is counted at creation.`, ref: item.id });
      out.push({ ...item, at: createdAt });
    } else out.push(item);
  }
  return out.sort(byAtThenId);
}

function checkStatuses(history: IssueHistory, changes: readonly FieldChange[], problems: HistoryProblem[]): void {
  // An issue visits few statuses: test each once (indexing the site's table by numeric id is slow).
  const seen = new Set<string>();
  const unknown: string[] = [];
  const consider = (id: string | null | undefined): void => {
    if (!id || seen.has(id)) return;
    seen.add(id);
    if (!(id in history.statusCategories)) unknown.push(id);
  };
  consider(history.initial['status']);
  for (const c of changes) if (c.field === 'status') consider(c.to);
  for (const id of unknown.sort(compareIds)) {
    problems.push({ code: 'HIST_UNKNOWN_STATUS', message: `Status ${id} has no known category; category conditions ignore it.`, ref: id });
  }
}

function creationStep(history: IssueHistory, createdAt: Instant, categories: CategoryLookup): Step {
  const next: Record<string, string | null> = { ...history.initial };
  const nextCategory = categories.of(next['status']);
  return { at: createdAt, created: true, prev: {}, next, changed: Object.keys(next), comment: null, prevCategory: undefined, nextCategory };
}

/** Changes [from, to) share one instant and form one step (a transition that sets status and resolution together). */
function changeStep(changes: readonly FieldChange[], from: number, to: number, prevStep: Step, categories: CategoryLookup): Step {
  const prev = prevStep.next;
  const next: Record<string, string | null> = { ...prev };
  const changed: string[] = [];
  for (let k = from; k < to; k++) {
    const c = changes[k];
    if (c === undefined) continue;
    next[c.field] = c.to;
    if (!changed.includes(c.field)) changed.push(c.field);
  }
  const prevCategory = prevStep.nextCategory;
  const nextCategory = changed.includes('status') ? categories.of(next['status']) : prevCategory;
  return { at: changes[from]?.at ?? 0, created: false, prev, next, changed, comment: null, prevCategory, nextCategory };
}

function creationInstant(history: IssueHistory, problems: HistoryProblem[]): Instant {
  if (Number.isFinite(history.createdAt)) return history.createdAt;
  problems.push({ code: 'HIST_BAD_INSTANT', message: 'The issue has no valid creation instant; its earliest item is used.', ref: history.issueId });
  const ats = [...history.changes, ...history.comments].map((i) => i.at).filter(Number.isFinite);
  return ats.length > 0 ? Math.min(...ats) : 0;
}

/**
 * Replays the history up to `now`; before the creation instant nothing has happened yet (no steps).
 * @example replayHistory(history, now).steps[0].created // true
 */
export function replayHistory(history: IssueHistory, now: Instant): Replay {
  const problems: HistoryProblem[] = [];
  const createdAt = creationInstant(history, problems);
  if (now < createdAt) return { steps: [], problems, fields: { ...history.initial }, createdAt };
  const changes = sanitize(history.changes, createdAt, now, problems);
  const comments = sanitize(history.comments, createdAt, now, problems);
  checkStatuses(history, changes, problems);
  const categories = new CategoryLookup(history.statusCategories);
  let last = creationStep(history, createdAt, categories);
  const steps: Step[] = [last];
  let ci = 0;
  for (let i = 0; i < changes.length; ) {
    const at = changes[i]?.at ?? 0;
    for (; ci < comments.length && (comments[ci]?.at ?? 0) < at; ci++) steps.push(commentStep(comments[ci], last));
    let j = i + 1;
    while (j < changes.length && changes[j]?.at === at) j++;
    last = changeStep(changes, i, j, last, categories);
    steps.push(last);
    i = j;
  }
  for (; ci < comments.length; ci++) steps.push(commentStep(comments[ci], last));
  if (problems.length > 1) problems.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : compareIds(a.ref ?? '', b.ref ?? '')));
  return { steps, problems, fields: last.next, createdAt };
}

const NOTHING_CHANGED: readonly string[] = [];

/** A comment changes no field: it sees the fields (and status category) the last change left. */
function commentStep(comment: HistoryComment | undefined, last: Step): Step {
  const c = comment ?? { id: '', at: 0, author: 'app', public: false };
  const fields = last.next;
  const category = last.nextCategory;
  return { at: c.at, created: false, prev: fields, next: fields, changed: NOTHING_CHANGED, comment: c, prevCategory: category, nextCategory: category };
}
