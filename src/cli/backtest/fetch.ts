/**
 * Fetching a project's issues with their changelogs and comments. The bulk path is search/jql with
 * the fields and the changelog expanded (one request per 100 issues); only an issue whose inline
 * changelog or comments Jira truncated costs the app's per-issue read. Every page is appended to an
 * on-disk cache with the page token that follows it, so an interrupted run resumes where it stopped.
 */
import { route } from '@forge/api';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { IssueBundle } from '../../jira/issueReads';
import { commentPageSchema, issueSchema } from '../../jira/schemas';
import type { CliResult } from '../errors';
import type { Progress } from '../progress';
import { siteFailure, type Site } from './site';

const PAGE = 100;

const pageSchema = z.object({ issues: z.array(issueSchema), nextPageToken: z.string().nullable().optional() });
type RawIssue = z.infer<typeof issueSchema>;

interface CacheState { fetchedAt: string; nextPageToken: string | null }

export interface FetchInput { jql: string; fieldIds: string[]; cacheDir: string; now: () => number; pageSize?: number }

function cachePaths(site: Site, input: FetchInput): { state: string; issues: string } {
  const key = createHash('sha256').update(JSON.stringify([site.url, input.jql, input.fieldIds])).digest('hex').slice(0, 16);
  return { state: join(input.cacheDir, `${key}.state.json`), issues: join(input.cacheDir, `${key}.issues.jsonl`) };
}

/** The bundle when Jira inlined everything, else null (the per-issue read completes it). */
function inlineBundle(issue: RawIssue): IssueBundle | null {
  const comments = commentPageSchema.safeParse(issue.fields.comment);
  const log = issue.changelog;
  const historiesComplete = log !== undefined && (log.total === undefined || log.histories.length >= log.total);
  const commentsComplete = comments.success && (comments.data.total === undefined || comments.data.comments.length >= comments.data.total);
  if (!historiesComplete || !commentsComplete || !log || !comments.success) return null;
  const histories = [...log.histories].sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id));
  const sorted = [...comments.data.comments].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  return { id: issue.id, key: issue.key, fields: issue.fields, histories, comments: sorted, slaProperty: undefined };
}

async function completePage(site: Site, issues: RawIssue[], fieldIds: string[]): Promise<CliResult<IssueBundle[]>> {
  const out: IssueBundle[] = [];
  for (const issue of issues) {
    const inline = inlineBundle(issue);
    if (inline) { out.push(inline); continue; }
    const full = await site.jira.getIssueBundle(issue.id, fieldIds);
    if (!full.ok) return { ok: false, error: siteFailure(full.error, `issue ${issue.key}`) };
    out.push({ ...full.value, slaProperty: undefined });
  }
  return { ok: true, value: out };
}

function resume(paths: { state: string; issues: string }): { state: CacheState; bundles: IssueBundle[] } | null {
  if (!existsSync(paths.state) || !existsSync(paths.issues)) return null;
  try {
    const state = JSON.parse(readFileSync(paths.state, 'utf8')) as CacheState;
    const lines = readFileSync(paths.issues, 'utf8').split('\n').filter(Boolean);
    return { state, bundles: lines.map((l) => JSON.parse(l) as IssueBundle) };
  } catch {
    return null; // A cache that cannot be read is just not used.
  }
}

/**
 * Every issue matching the JQL, in search order, and the instant the fetch started (kept across a
 * resume, so a resumed run evaluates at the same instant). The cache is removed once complete.
 */
export async function fetchIssues(site: Site, input: FetchInput, progress: Progress): Promise<CliResult<{ fetchedAt: string; bundles: IssueBundle[] }>> {
  mkdirSync(input.cacheDir, { recursive: true });
  const paths = cachePaths(site, input);
  const resumed = resume(paths);
  const bundles = resumed?.bundles ?? [];
  let state: CacheState = resumed?.state ?? { fetchedAt: new Date(input.now()).toISOString(), nextPageToken: null };
  if (!resumed) { writeFileSync(paths.issues, ''); writeFileSync(paths.state, JSON.stringify(state)); }
  const count = await site.jira.approximateCount(input.jql);
  const total = count.ok ? Math.max(count.value, bundles.length) : null;
  progress.update(bundles.length, total);
  while (!resumed || state.nextPageToken !== null || bundles.length === 0) {
    const body = { jql: input.jql, maxResults: input.pageSize ?? PAGE, fields: [...input.fieldIds, 'comment'], expand: 'changelog', ...(state.nextPageToken ? { nextPageToken: state.nextPageToken } : {}) };
    const page = await site.req.json(pageSchema, route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify(body) });
    if (!page.ok) return { ok: false, error: siteFailure(page.error, 'the issue search') };
    const complete = await completePage(site, page.value.issues, input.fieldIds);
    if (!complete.ok) return complete;
    bundles.push(...complete.value);
    appendFileSync(paths.issues, complete.value.map((b) => `${JSON.stringify(b)}\n`).join(''));
    state = { ...state, nextPageToken: page.value.nextPageToken ?? null };
    writeFileSync(paths.state, JSON.stringify(state));
    progress.update(bundles.length, total === null ? null : Math.max(total, bundles.length));
    if (state.nextPageToken === null) break;
  }
  rmSync(paths.state, { force: true });
  rmSync(paths.issues, { force: true });
  return { ok: true, value: { fetchedAt: state.fetchedAt, bundles } };
}
