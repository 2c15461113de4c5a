/**
 * What-if for the settings page: the project's issues resolved in the last N days, replayed under
 * the saved policy and the proposed (unsaved) one. A resolver has 25 s, so the read is bounded three
 * ways: N is capped, at most WHATIF_MAX_ISSUES issues are read (most recently resolved first), and
 * paging stops once WHATIF_BUDGET_MS is spent; the answer says when it was cut short. Issues come
 * from the history mirror when it holds this period with every field both policies read (storage
 * only, no Jira read), else from search/jql pages with their changelogs (one request per 100 issues),
 * as the CLI reads them.
 */
import { backtest, policyFieldIds, validatePolicy, type CompiledPolicy } from '../core';
import type { WhatIfResult } from '../contract';
import type { JiraClient } from '../jira/client';
import type { JiraError } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { BASE_FIELDS, mapHistory } from '../jira/mapHistory';
import { getMirrorMeta, metaCovers } from '../store/chainState';
import { loadConfig } from '../store/config';
import { listProjectMirrors } from '../store/historyMirror';
import { inScope } from './chainPages';
import type { Deps } from './deps';
import { toBundle } from './mirrorData';

export const WHATIF_MAX_DAYS = 90;
export const WHATIF_MAX_ISSUES = 300;
export const WHATIF_BUDGET_MS = 15_000;
const PAGE = 100;

export type WhatIfOutcome = { ok: true; value: WhatIfResult } | { ok: false; reason: 'notConfigured' } | { ok: false; reason: 'jira'; error: JiraError };

interface Read { bundles: IssueBundle[]; truncated: boolean }

async function readResolved(deps: Deps, jira: JiraClient, jql: string, fieldIds: string[]): Promise<{ ok: true; value: Read } | { ok: false; error: JiraError }> {
  const started = deps.now();
  const bundles: IssueBundle[] = [];
  let token: string | null = null;
  do {
    const page = await jira.searchIssueBundles(jql, fieldIds, token, Math.min(PAGE, WHATIF_MAX_ISSUES - bundles.length));
    if (!page.ok) return page;
    bundles.push(...page.value.bundles);
    token = page.value.nextPageToken;
  } while (token !== null && bundles.length < WHATIF_MAX_ISSUES && deps.now() - started < WHATIF_BUDGET_MS);
  return { ok: true, value: { bundles, truncated: token !== null } };
}

/** Resolved issues of the period from the mirror, in issue-id order, bounded like the Jira read. */
async function readMirror(deps: Deps, projectId: string, since: string): Promise<Read> {
  const started = deps.now();
  const bundles: IssueBundle[] = [];
  let after = 0;
  for (;;) {
    const records = await listProjectMirrors(projectId, after, PAGE);
    for (const r of records) {
      const resolved = r.data.fields.resolution !== null && r.data.fields.resolution !== undefined;
      if (resolved && inScope(r.data, since) && bundles.length < WHATIF_MAX_ISSUES) bundles.push(toBundle(r.issueId, r.data));
    }
    after = records.at(-1)?.issueNum ?? after;
    const more = records.length === PAGE;
    if (!more) return { bundles, truncated: false };
    if (bundles.length >= WHATIF_MAX_ISSUES || deps.now() - started >= WHATIF_BUDGET_MS) return { bundles, truncated: true };
  }
}

/**
 * @example await runWhatIf(deps, jira, '10000', proposed, 30) // { ok: true, value: { issues: 42, report } }
 */
export async function runWhatIf(deps: Deps, jira: JiraClient, projectId: string, proposed: CompiledPolicy, requestedDays: number): Promise<WhatIfOutcome> {
  const config = await loadConfig(projectId);
  const current = config ? validatePolicy(config.policy) : null;
  if (!config || !current?.ok) return { ok: false, reason: 'notConfigured' };
  const days = Math.max(1, Math.min(WHATIF_MAX_DAYS, Math.floor(requestedDays)));
  const extra = [...new Set([...policyFieldIds(current.value.spec, BASE_FIELDS), ...policyFieldIds(proposed.spec, BASE_FIELDS)])];
  const statuses = await jira.getStatuses();
  if (!statuses.ok) return { ok: false, reason: 'jira', error: statuses.error };
  const fields = [...BASE_FIELDS, ...extra];
  const since = new Date(deps.now() - days * 86_400_000).toISOString().slice(0, 10);
  const fromMirror = metaCovers(await getMirrorMeta(projectId), fields, since);
  const jql = `project = ${projectId} AND resolved >= -${days}d ORDER BY resolved DESC`;
  const read = fromMirror ? { ok: true as const, value: await readMirror(deps, projectId, since) } : await readResolved(deps, jira, jql, fields);
  if (!read.ok) return { ok: false, reason: 'jira', error: read.error };
  const categories = Object.fromEntries(statuses.value.map((s) => [s.id, s.category]));
  const issues = read.value.bundles.map((b) => ({ key: b.key, history: mapHistory(b, extra, categories) }));
  const report = backtest(issues, current.value, proposed, deps.now());
  const value = { days, maxDays: WHATIF_MAX_DAYS, issues: issues.length, truncated: read.value.truncated, source: fromMirror ? 'mirror' as const : 'jira' as const, currentPolicyName: current.value.spec.name, report };
  return { ok: true, value };
}
