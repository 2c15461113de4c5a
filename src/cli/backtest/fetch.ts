/**
 * Fetching a project's issues with their changelogs and comments, a page of 100 per request
 * (src/jira/searchBundles.ts). Every page is appended to an on-disk cache with the page token that
 * follows it, so an interrupted run resumes where it stopped.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueBundle } from '../../jira/issueReads';
import type { CliResult } from '../errors';
import type { Progress } from '../progress';
import { siteFailure, type Site } from './site';

const PAGE = 100;

interface CacheState { fetchedAt: string; nextPageToken: string | null }

export interface FetchInput { jql: string; fieldIds: string[]; cacheDir: string; now: () => number; pageSize?: number }

function cachePaths(site: Site, input: FetchInput): { state: string; issues: string } {
  const key = createHash('sha256').update(JSON.stringify([site.url, input.jql, input.fieldIds])).digest('hex').slice(0, 16);
  return { state: join(input.cacheDir, `${key}.state.json`), issues: join(input.cacheDir, `${key}.issues.jsonl`) };
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
    const page = await site.jira.searchIssueBundles(input.jql, input.fieldIds, state.nextPageToken, input.pageSize ?? PAGE);
    if (!page.ok) return { ok: false, error: siteFailure(page.error, 'the issue search') };
    bundles.push(...page.value.bundles);
    appendFileSync(paths.issues, page.value.bundles.map((b) => `${JSON.stringify(b)}\n`).join(''));
    state = { ...state, nextPageToken: page.value.nextPageToken };
    writeFileSync(paths.state, JSON.stringify(state));
    progress.update(bundles.length, total === null ? null : Math.max(total, bundles.length));
    if (state.nextPageToken === null) break;
  }
  rmSync(paths.state, { force: true });
  rmSync(paths.issues, { force: true });
  return { ok: true, value: { fetchedAt: state.fetchedAt, bundles } };
}
