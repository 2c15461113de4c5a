/**
 * Anti-corruption edge: Jira issue JSON into the core's IssueHistory.
 *
 * - Values are ids, never names (status id, priority id, option id, accountId). List fields become
 *   space-joined lists: labels straight from the changelog strings, other lists (components,
 *   multi-selects), whose changelog has one item per added or removed element, by replaying the
 *   changelog backwards from the current value.
 * - Initial values are reconstructed by undoing the changelog from the current values: a scalar
 *   field's initial value is the `from` of its oldest change, or its current value if it never changed.
 * - Comment authors: accountType 'app' is 'app' (automation and this app never count as a response);
 *   the issue's reporter or an accountType 'customer' is 'customer'; anyone else is 'agent'.
 *   A comment is internal (public false) when Jira Service Management marks it so: `jsdPublic: false`
 *   or the `sd.public.comment` property with `internal: true`.
 */
import type { FieldChange, HistoryComment, IssueHistory } from '../core';
import { isRecord } from '../core';
import type { IssueBundle } from './issueReads';
import type { RawComment, RawHistory } from './schemas';

type StatusCategory = IssueHistory['statusCategories'][string];
type Item = RawHistory['items'][number];

/** A Jira field value as the id the core compares against. */
export function fieldValue(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) {
    const parts = raw.map(fieldValue).filter((v): v is string => v !== null && v !== '');
    return parts.length ? parts.join(' ') : null;
  }
  if (isRecord(raw)) {
    const id = raw.accountId ?? raw.id ?? raw.value;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  }
  return null;
}

const fieldOf = (item: Item): string => item.fieldId ?? item.field;
const split = (v: string | null): string[] => (v ? v.split(' ').filter(Boolean) : []);
const join = (list: string[]): string | null => (list.length ? list.join(' ') : null);

function isListField(field: string, current: unknown): boolean {
  return field !== 'labels' && Array.isArray(current);
}

/** One history item as a change; list fields get the whole list before and after (see above). */
function undoItem(item: Item, after: Map<string, string | null>, listField: boolean): { from: string | null; to: string | null } {
  const field = fieldOf(item);
  if (field === 'labels') return { from: item.fromString ?? null, to: item.toText ?? null };
  if (!listField) return { from: item.from ?? null, to: item.to ?? null };
  const to = after.get(field) ?? null;
  const before = split(to).filter((v) => v !== item.to);
  if (item.from) before.push(item.from);
  const from = join(before);
  after.set(field, from);
  return { from, to };
}

function mapChanges(bundle: IssueBundle, keep: Set<string>): { changes: FieldChange[]; listBefore: Map<string, string | null> } {
  const after = new Map<string, string | null>();
  for (const f of keep) if (isListField(f, bundle.fields[f])) after.set(f, fieldValue(bundle.fields[f]));
  const changes: FieldChange[] = [];
  for (const h of [...bundle.histories].reverse()) {
    const at = Date.parse(h.created);
    for (let i = h.items.length - 1; i >= 0; i--) {
      const item = h.items[i] as Item;
      const field = fieldOf(item);
      if (!keep.has(field)) continue;
      const { from, to } = undoItem(item, after, after.has(field));
      changes.push({ id: `${h.id}#${i}`, at, field, from, to });
    }
  }
  return { changes: changes.reverse(), listBefore: after };
}

function initialValues(bundle: IssueBundle, keep: Set<string>, changes: FieldChange[], listBefore: Map<string, string | null>) {
  const initial: Record<string, string | null> = {};
  for (const f of keep) {
    if (listBefore.has(f)) initial[f] = listBefore.get(f) ?? null;
    else {
      const oldest = changes.find((c) => c.field === f);
      initial[f] = oldest ? oldest.from : fieldValue(bundle.fields[f]);
    }
  }
  return initial;
}

export function commentAuthor(c: RawComment, reporterId: string | null): HistoryComment['author'] {
  const type = c.author?.accountType;
  if (type === 'app') return 'app';
  if (type === 'customer' || (reporterId !== null && c.author?.accountId === reporterId)) return 'customer';
  return 'agent';
}

export function isPublicComment(c: RawComment): boolean {
  if (c.jsdPublic === false) return false;
  const prop = c.properties?.find((p) => p.key === 'sd.public.comment');
  return !(isRecord(prop?.value) && prop.value.internal === true);
}

function statusCategories(bundle: IssueBundle, known: Record<string, StatusCategory>): Record<string, StatusCategory> {
  const out = { ...known };
  const status = bundle.fields.status;
  if (isRecord(status) && typeof status.id === 'string' && isRecord(status.statusCategory)) {
    const key = status.statusCategory.key;
    if (key === 'new' || key === 'indeterminate' || key === 'done') out[status.id] = key;
  }
  return out;
}

/** The fields the core always needs, plus whatever the policy refers to. */
export const BASE_FIELDS = ['status', 'resolution', 'priority', 'issuetype', 'assignee', 'reporter', 'labels', 'components', 'created', 'project'];

export function mapHistory(bundle: IssueBundle, fieldIds: string[], knownCategories: Record<string, StatusCategory>): IssueHistory {
  const keep = new Set([...BASE_FIELDS, ...fieldIds].filter((f) => f !== 'created' && f !== 'reporter'));
  const { changes, listBefore } = mapChanges(bundle, keep);
  const reporterId = fieldValue(bundle.fields.reporter);
  const createdRaw = bundle.fields.created;
  return {
    issueId: bundle.id,
    createdAt: typeof createdRaw === 'string' ? Date.parse(createdRaw) : Number.NaN,
    initial: initialValues(bundle, keep, changes, listBefore),
    changes,
    comments: bundle.comments.map((c) => ({ id: c.id, at: Date.parse(c.created), author: commentAuthor(c, reporterId), public: isPublicComment(c) })),
    statusCategories: statusCategories(bundle, knownCategories),
  };
}

/** Status ids seen in the history that the category map does not know yet. */
export function unknownStatuses(history: IssueHistory): string[] {
  const ids = new Set<string>();
  for (const c of history.changes) if (c.field === 'status') for (const v of [c.from, c.to]) if (v) ids.add(v);
  const first = history.initial.status;
  if (first) ids.add(first);
  return [...ids].filter((id) => !(id in history.statusCategories));
}
