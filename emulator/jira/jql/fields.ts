/**
 * The JQL fields the emulator answers, each as "equality tokens" (lower-case ids and names) and,
 * for ordered fields, a number. Anything not listed is refused as not emulated.
 */
import type { Issue, SiteData } from '../model';
import { JqlError } from './lexer';
import type { FieldRef } from './parser';
import { storedInstant, type JqlContext, type PropertyIndex } from './values';
import { ownGet } from '../own';
import { DATETIME_FIELDS } from '../fields';

export interface JqlField {
  label: string;
  /** Lower-case tokens the field matches with =, IN; [] means EMPTY. */
  tokens(issue: Issue): string[];
  /** Present for fields with < > and numeric/date ordering. */
  number?: (issue: Issue) => number | null;
  isDate?: boolean;
  /** Ordering key for ORDER BY when there is no number. */
  sortText?: (issue: Issue) => string;
}

const lc = (s: string | null | undefined): string[] => (s ? [s.toLowerCase()] : []);

function named(list: Array<{ id: string; name: string }>, id: string | null): string[] {
  const found = list.find((x) => x.id === id);
  return found ? [found.id.toLowerCase(), found.name.toLowerCase()] : [];
}

function dateField(label: string, get: (i: Issue) => number | null): JqlField {
  return { label, tokens: () => { throw new JqlError('JQL_NOT_EMULATED', `not emulated: = on the date field ${label}; use < or >`); }, number: get, isDate: true };
}

function systemField(name: string, data: SiteData): JqlField | null {
  const category = (i: Issue) => data.statuses.find((s) => s.id === i.fields.status)?.category ?? null;
  const CATEGORY_NAME = { new: 'to do', indeterminate: 'in progress', done: 'done' } as const;
  switch (name) {
    case 'project': return { label: 'project', tokens: (i) => { const p = data.projects.find((x) => x.id === i.projectId); return p ? [p.id, p.key.toLowerCase(), p.name.toLowerCase()] : []; }, sortText: (i) => i.key };
    case 'status': return { label: 'status', tokens: (i) => named(data.statuses, i.fields.status), sortText: (i) => i.fields.status };
    case 'statuscategory': return { label: 'statusCategory', tokens: (i) => { const c = category(i); return c ? [c, CATEGORY_NAME[c]] : []; } };
    case 'priority': return { label: 'priority', tokens: (i) => named(data.priorities, i.fields.priority), number: (i) => (i.fields.priority ? -Number(i.fields.priority) : null) };
    case 'resolution': return { label: 'resolution', tokens: (i) => named(data.resolutions, i.fields.resolution) };
    case 'issuetype': case 'type': return { label: 'issuetype', tokens: (i) => named(data.issueTypes, i.fields.issuetype) };
    case 'labels': return { label: 'labels', tokens: (i) => i.fields.labels.map((l) => l.toLowerCase()) };
    case 'assignee': return { label: 'assignee', tokens: (i) => lc(i.fields.assignee) };
    case 'reporter': return { label: 'reporter', tokens: (i) => lc(i.fields.reporter) };
    case 'key': case 'issuekey': case 'id': return { label: 'key', tokens: (i) => [i.id, i.key.toLowerCase()], number: (i) => Number(i.id) };
    case 'created': case 'createddate': return dateField('created', (i) => i.created);
    case 'updated': case 'updateddate': return dateField('updated', (i) => i.updated);
    case 'resolved': case 'resolutiondate': return dateField('resolved', (i) => i.fields.resolutiondate);
    default: return null;
  }
}

function customField(name: string, data: SiteData): JqlField | null {
  const cf = /^(?:cf\[(\d+)\]|customfield_(\d+))$/.exec(name);
  const id = cf ? `customfield_${cf[1] ?? cf[2]}` : null;
  const date = DATETIME_FIELDS.find((f) => f.id === id || f.name.toLowerCase() === name);
  if (date) return dateField(date.name, (i) => { const at = i.fields.custom[date.id]; return at ? Date.parse(at) : null; });
  const field = data.selectFields.find((f) => f.id === id || f.name.toLowerCase() === name);
  if (!field) return null;
  return {
    label: field.name,
    tokens: (i) => { const o = field.options.find((x) => x.id === i.fields.custom[field.id]); return o ? [o.id, o.value.toLowerCase()] : []; },
  };
}

/** Reads a dotted path inside a property value; arrays yield each element. */
function readPath(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const part of path.split('.').filter(Boolean)) {
    current = current.flatMap((v) => (v && typeof v === 'object' && Object.hasOwn(v, part) ? [(v as Record<string, unknown>)[part]] : []));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined);
}

function propertyField(index: PropertyIndex): JqlField {
  const label = index.alias ?? `issue.property[${index.propertyKey}].${index.path}`;
  const values = (i: Issue) => readPath(ownGet(i.properties, index.propertyKey), index.path);
  if (index.type === 'number') {
    return { label, tokens: (i) => values(i).map(String), number: (i) => { const v = values(i)[0]; return typeof v === 'number' ? v : null; } };
  }
  if (index.type === 'date') return { ...dateField(label, (i) => storedInstant(values(i)[0])), tokens: () => [] };
  if (index.type === 'text') throw new JqlError('JQL_NOT_EMULATED', `not emulated: text-indexed property ${label}`);
  return { label, tokens: (i) => values(i).map((v) => String(v).toLowerCase()), sortText: (i) => String(values(i)[0] ?? '') };
}

export function resolveField(ref: FieldRef, data: SiteData, ctx: JqlContext): JqlField {
  if (ref.kind === 'property') {
    const index = ctx.indexes.find((x) => x.propertyKey === ref.key && x.path === ref.path);
    if (!index) throw new JqlError('JQL_UNKNOWN_FIELD', `not indexed: issue.property[${ref.key}].${ref.path} is not declared by any jira:entityProperty in manifest.yml, so Jira cannot search it.`);
    return propertyField(index);
  }
  const name = ref.name.toLowerCase();
  const alias = ctx.indexes.find((x) => x.alias?.toLowerCase() === name);
  if (alias) return propertyField(alias);
  const found = systemField(name, data) ?? customField(name, data);
  if (!found) throw new JqlError('JQL_NOT_EMULATED', `not emulated: the JQL field '${ref.name}'. Emulated fields: project, status, statusCategory, priority, resolution, issuetype, labels, assignee, reporter, key, created, updated, resolved, Severity, Outage start, Outage end, and the property aliases in manifest.yml.`);
  return found;
}
