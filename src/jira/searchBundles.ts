/**
 * Many issues' whole stories at once: search/jql with the fields, the comment field and the changelog
 * expanded, one request per page (up to 100 issues). Jira inlines a limited number of histories and
 * comments per issue; only an issue it truncated costs the per-issue read, which pages the rest.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraResult } from './http';
import type { IssueBundle } from './issueReads';
import type { Requester } from './request';
import { commentPageSchema, issueSchema } from './schemas';

/** Each issue is checked on its own: one Jira leaves without fields or changelog is read by itself. */
const pageSchema = z.object({ issues: z.array(z.looseObject({ id: z.string() })), nextPageToken: z.string().nullable().optional() });
type RawIssue = z.infer<typeof issueSchema>;

export interface BundlePage { bundles: IssueBundle[]; nextPageToken: string | null }

/** The bundle when Jira inlined the whole changelog and every comment, else null. */
export function inlineBundle(raw: unknown): IssueBundle | null {
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) return null;
  const issue: RawIssue = parsed.data;
  const comments = commentPageSchema.safeParse(issue.fields.comment);
  const log = issue.changelog;
  if (!log || !comments.success) return null;
  if (log.total !== undefined && log.histories.length < log.total) return null;
  if (comments.data.total !== undefined && comments.data.comments.length < comments.data.total) return null;
  const histories = [...log.histories].sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id));
  const sorted = [...comments.data.comments].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  return { id: issue.id, key: issue.key, fields: issue.fields, histories, comments: sorted, slaProperty: undefined };
}

export async function searchBundles(
  req: Requester, readBundle: (issueId: string) => Promise<JiraResult<IssueBundle>>,
  jql: string, fieldIds: string[], nextPageToken: string | null, maxResults: number,
): Promise<JiraResult<BundlePage>> {
  const body = { jql, maxResults, fields: [...fieldIds, 'comment'], expand: 'changelog', ...(nextPageToken ? { nextPageToken } : {}) };
  const page = await req.json(pageSchema, route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify(body) });
  if (!page.ok) return page;
  const bundles: IssueBundle[] = [];
  for (const issue of page.value.issues) {
    const inline = inlineBundle(issue);
    if (inline) { bundles.push(inline); continue; }
    const full = await readBundle(issue.id);
    if (!full.ok) return full;
    bundles.push({ ...full.value, slaProperty: undefined });
  }
  return { ok: true, value: { bundles, nextPageToken: page.value.nextPageToken ?? null } };
}
