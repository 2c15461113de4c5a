/**
 * Outages recorded as issues (seed 003's alternative to typing them in): the issues of the chosen
 * type whose start and end date-time fields overlap the month, read AS THE VIEWER (a statement never
 * rests on an issue they cannot open), asking only for the fields the outage needs. Pages are read
 * one after another, at most OUTAGE_ISSUE_PAGES of them, so one request stays within the resolver's
 * time and Jira's rate budget; `more` says some were left unread.
 */
import type { NamedRef, OutageSourceDto } from '../contract';
import { ok, validateOutage, type OutageRecord } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraResult } from '../jira/http';

export const OUTAGE_ISSUE_PAGES = 5;
const PAGE = 100;

/**
 * JQL for the source's issues that may overlap [from, to): the date clauses keep a day of margin on
 * each side (JQL reads dates in the searcher's zone); the exact cut is the core's.
 */
export function outageJql(projectId: string, s: OutageSourceDto, from: number, to: number): string {
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  const cf = (id: string) => (id.startsWith('customfield_') ? `cf[${id.slice('customfield_'.length)}]` : id);
  return `project = ${projectId} AND issuetype = ${s.issueTypeId} AND ${cf(s.startFieldId)} <= "${day(to + 86_400_000)}" AND ${cf(s.endFieldId)} >= "${day(from - 86_400_000)}" ORDER BY ${cf(s.startFieldId)} ASC`;
}

/** Jira answers date-times as "2026-03-02T10:00:00.000+0000"; the offset gets its colon for ISO parsers. */
function instantOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const at = Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at) ? null : at;
}

/** A text, option or named value of a field as text; null when empty. */
function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'object' && v !== null) {
    const o = v as { value?: unknown; name?: unknown; displayName?: unknown };
    return textOf(o.value ?? o.name ?? o.displayName);
  }
  return null;
}

type Page = { issues: Array<{ key: string; fields: Record<string, unknown> }>; nextPageToken: string | null };

/** One issue as an outage; null when its start or end is missing or not an outage the core accepts. */
export function outageOf(issue: Page['issues'][number], s: OutageSourceDto): OutageRecord | null {
  const f = issue.fields;
  const start = instantOf(f[s.startFieldId]);
  const end = instantOf(f[s.endFieldId]);
  if (start === null || end === null) return null;
  const service = (s.serviceFieldId === null ? null : textOf(f[s.serviceFieldId])) ?? s.service;
  const customer = s.customerFieldId === null ? null : textOf(f[s.customerFieldId]);
  const summary = textOf(f.summary) ?? '';
  const checked = validateOutage({ service, customer, start, end, description: `${issue.key} ${summary}`.trim() }, `issue:${issue.key}`);
  return checked.ok ? checked.value : null;
}

export async function outagesFromIssues(jira: JiraClient, projectId: string, s: OutageSourceDto, from: number, to: number): Promise<JiraResult<{ outages: OutageRecord[]; more: boolean }>> {
  const fields = ['summary', s.startFieldId, s.endFieldId, ...(s.serviceFieldId ? [s.serviceFieldId] : []), ...(s.customerFieldId ? [s.customerFieldId] : [])];
  const jql = outageJql(projectId, s, from, to);
  const outages: OutageRecord[] = [];
  let token: string | null = null;
  for (let page = 0; page < OUTAGE_ISSUE_PAGES; page++) {
    const res: JiraResult<Page> = await jira.searchIssues(jql, fields, token, PAGE);
    if (!res.ok) return res;
    for (const issue of res.value.issues) {
      const outage = outageOf(issue, s);
      if (outage) outages.push(outage);
    }
    token = res.value.nextPageToken;
    if (token === null) break;
  }
  return ok({ outages, more: token !== null });
}

/** What an admin picks the source from: the project's issue types, date-time fields, and other fields for service and customer. */
export async function sourceFields(jira: JiraClient, projectId: string): Promise<JiraResult<{ issueTypes: NamedRef[]; dateTimeFields: NamedRef[]; otherFields: NamedRef[] }>> {
  const [fields, meta] = await Promise.all([jira.getFields(), jira.getMetadata(projectId)]);
  if (!fields.ok) return fields;
  if (!meta.ok) return meta;
  const named = (f: { id: string; name: string }) => ({ id: f.id, name: f.name });
  return ok({
    issueTypes: meta.value.issueTypes.map(named),
    dateTimeFields: fields.value.filter((f) => f.type === 'datetime').map(named),
    otherFields: fields.value.filter((f) => f.type === 'string' || f.type === 'option').map(named),
  });
}
