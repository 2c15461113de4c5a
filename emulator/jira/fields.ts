/**
 * Field catalogue: names, schema and how a stored value reads in the changelog. Changelog items
 * carry ids in from/to and display text in fromString/toString, as Jira does; labels and summary
 * carry only text (Jira leaves from/to null for them).
 */
import type { SiteData } from './model';

export interface FieldMeta {
  id: string;
  name: string;
  custom: boolean;
  schema: { type: string; items?: string; system?: string; custom?: string; customId?: number };
}

const SYSTEM: FieldMeta[] = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
  { id: 'issuetype', name: 'Issue Type', custom: false, schema: { type: 'issuetype', system: 'issuetype' } },
  { id: 'status', name: 'Status', custom: false, schema: { type: 'status', system: 'status' } },
  { id: 'priority', name: 'Priority', custom: false, schema: { type: 'priority', system: 'priority' } },
  { id: 'resolution', name: 'Resolution', custom: false, schema: { type: 'resolution', system: 'resolution' } },
  { id: 'resolutiondate', name: 'Resolved', custom: false, schema: { type: 'datetime', system: 'resolutiondate' } },
  { id: 'assignee', name: 'Assignee', custom: false, schema: { type: 'user', system: 'assignee' } },
  { id: 'reporter', name: 'Reporter', custom: false, schema: { type: 'user', system: 'reporter' } },
  { id: 'labels', name: 'Labels', custom: false, schema: { type: 'array', items: 'string', system: 'labels' } },
  { id: 'project', name: 'Project', custom: false, schema: { type: 'project', system: 'project' } },
  { id: 'created', name: 'Created', custom: false, schema: { type: 'datetime', system: 'created' } },
  { id: 'updated', name: 'Updated', custom: false, schema: { type: 'datetime', system: 'updated' } },
  { id: 'comment', name: 'Comment', custom: false, schema: { type: 'comments-page', system: 'comment' } },
];

/**
 * Date-time custom fields every emulated site has: an outage recorded as an issue carries its start
 * and end in them (the uptime tab's "outages from issues"). Stored in `fields.custom` as ISO text.
 */
export const DATETIME_FIELDS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'customfield_10060', name: 'Outage start' },
  { id: 'customfield_10061', name: 'Outage end' },
];

export const isDateTimeField = (id: string): boolean => DATETIME_FIELDS.some((f) => f.id === id);

export function allFields(data: SiteData): FieldMeta[] {
  const customId = (id: string) => Number(id.replace('customfield_', ''));
  const custom = data.selectFields.map((f): FieldMeta => ({
    id: f.id, name: f.name, custom: true,
    schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: customId(f.id) },
  }));
  const dates = DATETIME_FIELDS.map((f): FieldMeta => ({
    id: f.id, name: f.name, custom: true, schema: { type: 'datetime', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datetime', customId: customId(f.id) },
  }));
  return [...SYSTEM, ...custom, ...dates];
}

export function fieldMeta(data: SiteData, fieldId: string): FieldMeta {
  const found = allFields(data).find((f) => f.id === fieldId);
  if (!found) throw new Error(`unknown field ${fieldId}`);
  return found;
}

/** The changelog's {id, text} pair for a stored field value. */
export function describeValue(data: SiteData, fieldId: string, value: unknown): { id: string | null; text: string | null } {
  if (value === null || value === undefined) return { id: null, text: null };
  switch (fieldId) {
    case 'summary':
      return { id: null, text: String(value) };
    case 'labels':
      return { id: null, text: (value as string[]).join(' ') || null };
    case 'status':
      return { id: String(value), text: data.statuses.find((s) => s.id === value)?.name ?? null };
    case 'priority':
      return { id: String(value), text: data.priorities.find((s) => s.id === value)?.name ?? null };
    case 'resolution':
      return { id: String(value), text: data.resolutions.find((s) => s.id === value)?.name ?? null };
    case 'issuetype':
      return { id: String(value), text: data.issueTypes.find((s) => s.id === value)?.name ?? null };
    case 'assignee':
    case 'reporter':
      return { id: String(value), text: data.users.find((u) => u.accountId === value)?.displayName ?? null };
    default: {
      if (isDateTimeField(fieldId)) return { id: null, text: String(value) };
      const option = data.selectFields.find((f) => f.id === fieldId)?.options.find((o) => o.id === value);
      return { id: String(value), text: option?.value ?? null };
    }
  }
}
