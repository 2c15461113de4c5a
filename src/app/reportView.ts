/**
 * The project report page's use-cases: its options, the report, and its CSV. Every figure, row and
 * key is limited to the issues the viewer may open (viewerScope.ts); the breached cycles listed (and
 * the JQL link) are also checked key by key as the viewer (visibleKeys.ts), so a key filed before a
 * security level changed is never shown either.
 */
import { MAX_BREACHED_LISTED, MAX_JQL_KEYS, type DataOf, type PayloadOf, type ReportFiltersDto } from '../contract';
import { complianceCsv, cyclesCsv, err, isKnownZone, ok, summarizeCounted, type ReportNames } from '../core';
import { loadConfig } from '../store/config';
import { jiraFailure, refuse, UNKNOWN_ZONE, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { projectReport, reportRows } from './reports';
import { issueFilter, viewerScope } from './viewerScope';
import { visibleKeys } from './visibleKeys';

const BAD_PERIOD = refuse('BAD_REQUEST', 'The period must run forwards and cover at most 24 months.');
const WITHHELD = refuse('FORBIDDEN', 'Some issues of this project are hidden from you, and too many others are visible to count them one by one, so the figures are withheld.');

async function namesOf(projectId: string): Promise<ReportNames> {
  const policy = (await loadConfig(projectId))?.policy;
  const metrics = Object.fromEntries((policy?.metrics ?? []).map((m) => [m.key, m.name]));
  const goals = Object.fromEntries((policy?.metrics ?? []).flatMap((m) => m.goals.map((g) => [g.id, g.name])));
  return { metrics, goals };
}

export async function reportOptions(deps: Deps, projectId: string, canEdit: boolean): Promise<Answer<DataOf<'report.options'>>> {
  const policy = (await loadConfig(projectId))?.policy ?? null;
  const meta = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getMetadata(projectId);
  return ok({
    configured: policy !== null,
    metrics: (policy?.metrics ?? []).map((m) => ({ id: m.key, name: m.name })),
    goals: (policy?.metrics ?? []).flatMap((m) => m.goals.map((g) => ({ id: g.id, name: g.name, metricKey: m.key }))),
    priorities: meta.ok ? meta.value.priorities : [],
    canEdit,
    serverNow: deps.now(),
  });
}

/** Keys of the newest breached issues as JQL; JQL has a length limit, so at most MAX_JQL_KEYS go in. */
function jqlOf(keys: readonly string[]): string | null {
  const unique = [...new Set(keys)].slice(0, MAX_JQL_KEYS);
  return unique.length === 0 ? null : `issuekey in (${unique.join(', ')}) ORDER BY updated DESC`;
}

export async function reportGet(deps: Deps, accountId: string, projectId: string, f: ReportFiltersDto): Promise<Answer<DataOf<'report.get'>>> {
  if (!isKnownZone(f.timeZone)) return UNKNOWN_ZONE;
  const scope = await viewerScope(deps, accountId, projectId);
  if (!scope.ok) return err(jiraFailure(scope.error));
  const report = await projectReport(projectId, f, MAX_BREACHED_LISTED, issueFilter(scope.value));
  if (report === null) return BAD_PERIOD;
  const visible = await visibleKeys(deps.userJira(accountId), report.breached.map((b) => b.issueKey));
  if (!visible.ok) return err(jiraFailure(visible.error));
  const breached = report.breached.filter((b) => visible.value.has(b.issueKey)).map(({ issueKey, metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, breachedAt, month }) =>
    ({ issueKey, metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, breachedAt, month }));
  return ok({
    rows: report.rows, trend: report.trend, breached, breachedTotal: report.breachedTotal,
    jql: jqlOf(breached.map((b) => b.issueKey)), cycleCount: report.cycleCount, scope: scope.value.kind,
  });
}

/** The CSV counts exactly what report.get shows the same viewer; withheld figures are refused, not emptied. */
export async function reportCsv(deps: Deps, accountId: string, projectId: string, p: PayloadOf<'report.csv'>): Promise<Answer<DataOf<'report.csv'>>> {
  if (!isKnownZone(p.timeZone)) return UNKNOWN_ZONE;
  const scope = await viewerScope(deps, accountId, projectId);
  if (!scope.ok) return err(jiraFailure(scope.error));
  if (scope.value.kind === 'withheld') return WITHHELD;
  const rows = await reportRows(projectId, p, issueFilter(scope.value));
  if (rows === null) return BAD_PERIOD;
  const names = await namesOf(projectId);
  const csv = p.kind === 'cycles' ? cyclesCsv(rows, names, p.timeZone) : complianceCsv(summarizeCounted(rows), names);
  return ok({ filename: `sla-${p.kind}-${p.fromMonth}-to-${p.toMonth}.csv`, csv });
}
