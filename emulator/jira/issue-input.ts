/**
 * Turns Jira REST create/edit bodies (`fields` by id or name, `update` operations on labels) into
 * the site's stored field values, collecting Jira-style per-field errors instead of throwing.
 */
import type { SiteData } from './model';
import type { FieldPatch } from './site';
import { ownGet, ownSet } from './own';
import { ISSUE_SECURITY_LEVELS } from './permissions';

export interface ParsedInput { patch: FieldPatch; errors: Record<string, string>; projectRef: string | null }

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function ref(list: Array<{ id: string; name: string }>, v: unknown): string | null | undefined {
  if (v === null) return null;
  if (!isObj(v)) return undefined;
  const hit = list.find((x) => x.id === v.id || x.name === v.name);
  return hit ? hit.id : undefined;
}

function userRef(data: SiteData, v: unknown): string | null | undefined {
  if (v === null) return null;
  if (!isObj(v) || typeof v.accountId !== 'string') return undefined;
  return data.users.some((u) => u.accountId === v.accountId) ? v.accountId : undefined;
}

/** `currentLabels` are the issue's labels before the edit, the base for add/remove operations. */
export function parseIssueInput(data: SiteData, body: unknown, currentLabels: string[] = []): ParsedInput {
  const out: ParsedInput = { patch: {}, errors: {}, projectRef: null };
  const b = isObj(body) ? body : {};
  const fields = isObj(b.fields) ? b.fields : {};
  for (const [id, value] of Object.entries(fields)) applyField(data, out, id, value);
  const update = isObj(b.update) ? b.update : {};
  for (const [id, ops] of Object.entries(update)) {
    if (id !== 'labels' || !Array.isArray(ops)) { ownSet(out.errors, id, `not emulated: update operations on ${id}`); continue; }
    out.patch.labels = applyLabelOps(out.patch.labels ?? currentLabels, ops, out);
  }
  return out;
}

function applyLabelOps(start: string[], ops: unknown[], out: ParsedInput): string[] {
  let labels = [...start];
  for (const op of ops) {
    if (!isObj(op)) continue;
    if (typeof op.add === 'string') labels = labels.includes(op.add) ? labels : [...labels, op.add];
    else if (typeof op.remove === 'string') labels = labels.filter((l) => l !== op.remove);
    else if (Array.isArray(op.set)) labels = op.set.filter((x): x is string => typeof x === 'string');
    else out.errors.labels = 'Unsupported labels operation.';
  }
  if (labels.some((l) => /\s/.test(l))) out.errors.labels = 'Labels cannot contain spaces.';
  return labels;
}

function applyField(data: SiteData, out: ParsedInput, id: string, value: unknown): void {
  const p = out.patch;
  const set = <T>(v: T | undefined, assign: (x: T) => void, message: string): void => {
    if (v === undefined) ownSet(out.errors, id, message);
    else assign(v);
  };
  switch (id) {
    case 'project':
      out.projectRef = isObj(value) ? String(value.key ?? value.id ?? '') : null;
      return;
    case 'summary':
      if (typeof value === 'string' && value.trim()) p.summary = value;
      else out.errors.summary = 'You must specify a summary of the issue.';
      return;
    case 'description':
      return;
    case 'issuetype': return set(ref(data.issueTypes, value) ?? undefined, (v) => (p.issuetype = v), 'Specify a valid issue type');
    case 'priority': return set(ref(data.priorities, value), (v) => (p.priority = v), 'Specify a valid priority');
    case 'assignee': return set(userRef(data, value), (v) => (p.assignee = v), `User '${JSON.stringify(value)}' cannot be assigned issues.`);
    case 'reporter': return set(userRef(data, value) ?? undefined, (v) => (p.reporter = v), 'Specify a valid reporter');
    case 'security': {
      const level = value === null ? null : isObj(value) && typeof value.id === 'string' && ownGet(ISSUE_SECURITY_LEVELS, value.id) ? value.id : undefined;
      return set(level, (v) => (p.security = v), 'Security level is not valid.');
    }
    case 'labels':
      if (Array.isArray(value) && value.every((x) => typeof x === 'string')) p.labels = value as string[];
      else out.errors.labels = 'Labels must be a list of strings.';
      return;
    default:
      applyCustom(data, out, id, value);
  }
}

function applyCustom(data: SiteData, out: ParsedInput, id: string, value: unknown): void {
  const field = data.selectFields.find((f) => f.id === id);
  if (!field) { ownSet(out.errors, id, `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`); return; }
  if (value === null) { ownSet(out.patch.custom ??= {}, id, null); return; }
  const option = isObj(value) ? field.options.find((o) => o.id === value.id || o.value === value.value) : undefined;
  if (!option) { ownSet(out.errors, id, `Option value '${JSON.stringify(value)}' is not valid`); return; }
  ownSet(out.patch.custom ??= {}, id, option.id);
}
