/**
 * Reading one issue's whole story cheaply. The first request asks for the fields, the expanded
 * changelog, the comment field and the `sla` property at once; only when Jira reports more
 * histories or comments than it inlined do we page through the dedicated endpoints. So an ordinary
 * issue costs exactly one read.
 */
import { route } from '@forge/api';
import { ok } from '../core';
import type { JiraResult } from './http';
import { commentPageSchema, changelogPageSchema, issueSchema, type RawComment, type RawHistory } from './schemas';
import type { Requester } from './request';
import { SLA_PROPERTY_KEY } from '../contract';

export interface IssueBundle {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  /** Every changelog history, oldest first. */
  histories: RawHistory[];
  /** Every comment, oldest first. */
  comments: RawComment[];
  /** Current value of the `sla` issue property, undefined when absent. */
  slaProperty: unknown;
}

const PAGE = 100;

export async function readIssueBundle(req: Requester, issueId: string, fieldIds: string[]): Promise<JiraResult<IssueBundle>> {
  const query = new URLSearchParams({ fields: [...fieldIds, 'comment'].join(','), expand: 'changelog', properties: SLA_PROPERTY_KEY });
  const first = await req.json(issueSchema, route`/rest/api/3/issue/${issueId}?${query}`);
  if (!first.ok) return first;
  const issue = first.value;
  const inline = commentPageSchema.safeParse(issue.fields.comment);
  const histories = await completeHistories(req, issueId, issue.changelog);
  if (!histories.ok) return histories;
  const comments = await completeComments(req, issueId, inline.success ? inline.data : undefined);
  if (!comments.ok) return comments;
  return ok({
    id: issue.id,
    key: issue.key,
    fields: issue.fields,
    histories: sortHistories(histories.value),
    comments: [...comments.value].sort((a, b) => Date.parse(a.created) - Date.parse(b.created)),
    slaProperty: issue.properties?.[SLA_PROPERTY_KEY],
  });
}

type InlinePage<T> = { total?: number; items: T[] } | undefined;

function isComplete<T>(page: InlinePage<T>): page is { total?: number; items: T[] } {
  return page !== undefined && (page.total === undefined || page.items.length >= page.total);
}

async function completeHistories(
  req: Requester,
  issueId: string,
  inline: { total?: number; histories: RawHistory[] } | undefined,
): Promise<JiraResult<RawHistory[]>> {
  const page = inline && { total: inline.total, items: inline.histories };
  if (isComplete(page)) return ok(page.items);
  const all: RawHistory[] = [];
  for (let startAt = 0; ; startAt += PAGE) {
    const q = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE) });
    const res = await req.json(changelogPageSchema, route`/rest/api/3/issue/${issueId}/changelog?${q}`);
    if (!res.ok) return res;
    all.push(...res.value.values);
    const total = res.value.total ?? 0;
    if (res.value.isLast === true || res.value.values.length === 0 || all.length >= total) return ok(all);
  }
}

async function completeComments(
  req: Requester,
  issueId: string,
  inline: { total?: number; comments: RawComment[] } | undefined,
): Promise<JiraResult<RawComment[]>> {
  const page = inline && { total: inline.total, items: inline.comments };
  if (isComplete(page)) return ok(page.items);
  const all: RawComment[] = [];
  for (let startAt = 0; ; startAt += PAGE) {
    const q = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE), orderBy: 'created', expand: 'properties' });
    const res = await req.json(commentPageSchema, route`/rest/api/3/issue/${issueId}/comment?${q}`);
    if (!res.ok) return res;
    all.push(...res.value.comments);
    if (res.value.comments.length === 0 || all.length >= (res.value.total ?? 0)) return ok(all);
  }
}

/** Oldest first; history ids are numeric and increase with time, which breaks same-millisecond ties. */
function sortHistories(histories: RawHistory[]): RawHistory[] {
  const seen = new Set<string>();
  const unique = histories.filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true)));
  return unique.sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id));
}
