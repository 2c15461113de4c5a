/**
 * Many issues' whole stories at once: search/jql with the fields, the comment field and the changelog
 * expanded, one request per page (up to 100 issues). Jira inlines a limited number of histories and
 * comments per issue; the rest is completed in bulk where Jira can (see searchBundles).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraResult } from './http';
import type { IssueBundle } from './issueReads';
import type { Requester } from './request';
import { commentPageSchema, issueSchema, type RawHistory } from './schemas';

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

/** An issue whose comments Jira inlined in full but whose changelog it cut short (the bulk changelog read completes it), else null. */
function changelogCut(raw: unknown): RawIssue | null {
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) return null;
  const comments = commentPageSchema.safeParse(parsed.data.fields.comment);
  return comments.success && (comments.data.total === undefined || comments.data.comments.length >= comments.data.total) ? parsed.data : null;
}

export interface BundleReaders {
  /** The per-issue read (paged changelog and comments). */
  readBundle(issueId: string): Promise<JiraResult<IssueBundle>>;
  /** Whole changelogs of up to 1,000 issues in one request (changelog/bulkfetch). */
  bulkChangelogs(issueIds: string[], fieldIds: string[]): Promise<JiraResult<Map<string, RawHistory[]>>>;
}

/**
 * One page of whole issue stories. Issues Jira inlined completely cost nothing more; those whose
 * changelog alone was cut short share one bulk changelog read; only an issue whose comments were
 * cut short costs its own read.
 */
export async function searchBundles(
  req: Requester, readers: BundleReaders, jql: string, fieldIds: string[], nextPageToken: string | null, maxResults: number,
): Promise<JiraResult<BundlePage>> {
  const body = { jql, maxResults, fields: [...fieldIds, 'comment'], expand: 'changelog', ...(nextPageToken ? { nextPageToken } : {}) };
  const page = await req.json(pageSchema, route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify(body) });
  if (!page.ok) return page;
  const inline = page.value.issues.map(inlineBundle);
  const cut = page.value.issues.map((raw, i) => (inline[i] ? null : changelogCut(raw)));
  const cutIds = cut.flatMap((c) => (c ? [c.id] : []));
  const logs = cutIds.length > 0 ? await readers.bulkChangelogs(cutIds, fieldIds.filter((f) => f !== 'created' && f !== 'reporter')) : null;
  if (logs && !logs.ok) return logs;
  const bundles: IssueBundle[] = [];
  for (let i = 0; i < page.value.issues.length; i++) {
    const issue = cut[i];
    const ready = inline[i] ?? (issue && logs?.ok ? inlineBundle({ ...issue, changelog: { histories: logs.value.get(issue.id) ?? [] } }) : null);
    if (ready) { bundles.push(ready); continue; }
    const full = await readers.readBundle(page.value.issues[i]?.id ?? '');
    if (!full.ok) return full;
    bundles.push({ ...full.value, slaProperty: undefined });
  }
  return { ok: true, value: { bundles, nextPageToken: page.value.nextPageToken ?? null } };
}
