/**
 * Which issues of a project a viewer's report figures may count. Browse projects does not open every
 * issue of a project (issue-level security), while the report aggregates hold every issue, so each
 * request decides:
 *  - the project's issues are counted as the viewer and as the app (approximate counts of the same
 *    JQL); when the viewer's count is not below the app's, the viewer sees every issue: `all`;
 *  - otherwise the ids the viewer can see are listed by searching as the viewer, and the figures
 *    count only those: `visible`;
 *  - a viewer who would need more than MAX_SCOPED_ISSUES listed gets `withheld`: no figure at all,
 *    rather than a figure that counts issues they cannot open.
 * An issue created between the two counts only makes the counts differ, which leads to the exact
 * (listed) path: every error of the approximation falls on the side of showing less.
 */
import { ok } from '../core';
import type { JiraResult } from '../jira/http';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';

export type ViewerScope = { kind: 'all' } | { kind: 'visible'; issueIds: ReadonlySet<string> } | { kind: 'withheld' };

/** Ten search pages: enough for a restricted viewer's share, small enough for a report request. */
export const MAX_SCOPED_ISSUES = 1000;
const PAGE = 100;

/** Project ids are numeric; anything else never reaches JQL (the resolver context supplies them). */
const projectJql = (projectId: string): string | null => (/^\d{1,18}$/.test(projectId) ? `project = ${projectId}` : null);

export async function viewerScope(deps: Deps, accountId: string, projectId: string, max = MAX_SCOPED_ISSUES): Promise<JiraResult<ViewerScope>> {
  const jql = projectJql(projectId);
  if (jql === null) return ok({ kind: 'withheld' });
  const user = deps.userJira(accountId);
  const [asViewer, asApp] = await Promise.all([user.approximateCount(jql), deps.appJira(RESOLVER_JIRA_BUDGET_MS).approximateCount(jql)]);
  if (!asViewer.ok) return asViewer;
  if (!asApp.ok) return asApp;
  if (asViewer.value >= asApp.value) return ok({ kind: 'all' });
  if (asViewer.value > max) return ok({ kind: 'withheld' });
  const issueIds = new Set<string>();
  let token: string | null = null;
  do {
    const page: JiraResult<{ ids: string[]; nextPageToken: string | null }> = await user.searchIssueIds(jql, token, PAGE);
    if (!page.ok) return page;
    for (const id of page.value.ids) issueIds.add(id);
    token = page.value.nextPageToken;
  } while (token !== null && issueIds.size <= max);
  return ok(issueIds.size > max ? { kind: 'withheld' } : { kind: 'visible', issueIds });
}

/** The filter a report applies for a scope: null counts every issue. */
export const issueFilter = (scope: ViewerScope): ReadonlySet<string> | null => (scope.kind === 'visible' ? scope.issueIds : scope.kind === 'withheld' ? new Set() : null);
