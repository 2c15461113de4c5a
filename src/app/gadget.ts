/**
 * The dashboard gadget: one metric of one project, as the viewer may see it. Issues come from JQL
 * searches made AS THE VIEWER over the indexed `sla` property, so Jira itself leaves out every issue
 * the viewer cannot browse (project permissions and issue-level security); the app's own storage is
 * never used to list issues. Compliance comes from the report aggregates, which the resolver only
 * reaches after confirming the viewer can browse the project.
 */
import { DateTime } from 'luxon';
import type { DataOf, GadgetIssueDto, GadgetViewDto, PayloadOf, ReportScope } from '../contract';
import { err, isKnownZone, ok, percentOf } from '../core';
import type { JiraResult } from '../jira/http';
import { loadConfig } from '../store/config';
import type { Deps } from './deps';
import { jiraFailure, UNKNOWN_ZONE, type Answer } from './answer';
import { projectReport } from './reports';
import { issueFilter, viewerScope } from './viewerScope';

/** Issues shown per list: one search page; the gadget says when there are more. */
export const GADGET_LIST_MAX = 50;

export type GadgetQuery = PayloadOf<'gadget.get'>;
type GadgetIssue = GadgetIssueDto;
type GadgetView = GadgetViewDto;

interface MetricFacts { phase?: unknown; state?: unknown; breached?: unknown; due?: unknown; breachedAt?: unknown }

/** The metric's stored facts from the issue's `sla` property, or null when the property does not hold it. */
function metricOf(properties: Record<string, unknown> | undefined, metricKey: string): MetricFacts | null {
  const sla = properties?.sla as { metrics?: Record<string, unknown> } | undefined;
  const m = sla?.metrics && Object.prototype.hasOwnProperty.call(sla.metrics, metricKey) ? sla.metrics[metricKey] : null;
  return m !== null && typeof m === 'object' ? (m as MetricFacts) : null;
}

const instant = (v: unknown): number | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);

/**
 * Breached now: the metric breached and its clock has not stopped (still running, or paused after
 * the breach). A cycle that stopped breached is history, not something to act on.
 */
export const isBreachedNow = (m: MetricFacts): boolean => m.breached === 'true' && (m.phase === 'breachedRunning' || m.phase === 'paused');

/** Due soon: the clock runs and the due instant lies in [now, now + horizon]. A paused clock is not counting down. */
export const isDueSoon = (m: MetricFacts, now: number, horizonMs: number): boolean => {
  const due = instant(m.due);
  return m.state === 'running' && m.breached !== 'true' && due !== null && due >= now && due <= now + horizonMs;
};

type Page = { issues: Array<{ key: string; fields: Record<string, unknown>; properties?: Record<string, unknown> }>; nextPageToken: string | null };

function pick(page: Page, metricKey: string, keep: (m: MetricFacts) => boolean): GadgetIssue[] {
  return page.issues.flatMap((i) => {
    const m = metricOf(i.properties, metricKey);
    if (!m || !keep(m)) return [];
    const summary = typeof i.fields.summary === 'string' ? i.fields.summary : '';
    return [{ key: i.key, summary, dueAt: instant(m.due), breachedAt: instant(m.breachedAt) }];
  });
}

/** Search pages read per list: the aliases cannot tell a running breach from a stopped one, so some matches are dropped. */
export const GADGET_MAX_PAGES = 3;

/**
 * The two searches. The aliases narrow; the property decides. `slaBreachedMetrics` also holds
 * metrics whose breached cycle has stopped (hence `statusCategory != Done` and the phase check), and
 * `slaNextDue` is the earliest due of any running metric, so it is at or before this metric's due
 * (a superset). Ids and keys are validated by the payload schema, so nothing here can change the
 * query's shape.
 */
export function gadgetJql(q: GadgetQuery): { breached: string; dueSoon: string } {
  const project = `project = ${q.projectId}`;
  return {
    breached: `${project} AND slaBreachedMetrics = "${q.metricKey}" AND statusCategory != Done ORDER BY updated DESC`,
    dueSoon: `${project} AND slaNextDue >= now() AND slaNextDue <= ${q.dueWithinHours}h ORDER BY slaNextDue ASC`,
  };
}

type Search = (jql: string, token: string | null) => Promise<JiraResult<Page>>;

/** Pages through one search as the viewer, keeping matching issues until the list is full. */
async function collect(search: Search, jql: string, keep: (p: Page) => GadgetIssue[]): Promise<JiraResult<{ issues: GadgetIssue[]; more: boolean }>> {
  const issues: GadgetIssue[] = [];
  let token: string | null = null;
  for (let page = 0; page < GADGET_MAX_PAGES && issues.length < GADGET_LIST_MAX; page++) {
    const res: JiraResult<Page> = await search(jql, token);
    if (!res.ok) return res;
    issues.push(...keep(res.value));
    token = res.value.nextPageToken;
    if (token === null) break;
  }
  return ok({ issues: issues.slice(0, GADGET_LIST_MAX), more: token !== null || issues.length > GADGET_LIST_MAX });
}

function thisMonthsCompliance(rows: Array<{ met: number; breached: number }>, month: string, scope: ReportScope): GadgetView['compliance'] {
  const met = rows.reduce((s, r) => s + r.met, 0);
  const breached = rows.reduce((s, r) => s + r.breached, 0);
  return { month, met, breached, percentMet: percentOf(met, breached), scope };
}

export async function gadgetOptions(projectId: string): Promise<Answer<DataOf<'gadget.options'>>> {
  const policy = (await loadConfig(projectId))?.policy ?? null;
  return ok({ configured: policy !== null, metrics: (policy?.metrics ?? []).map((m) => ({ id: m.key, name: m.name })) });
}

/** This month's compliance counts only issues the viewer may open, like the project report (viewerScope.ts). */
export async function gadgetView(deps: Deps, accountId: string, q: GadgetQuery): Promise<Answer<GadgetView>> {
  if (!isKnownZone(q.timeZone)) return UNKNOWN_ZONE;
  const jira = deps.userJira(accountId);
  const search: Search = (jql, token) => jira.searchIssues(jql, ['summary'], token, 100, ['sla']);
  const jql = gadgetJql(q);
  const now = deps.now();
  const horizonMs = q.dueWithinHours * 3_600_000;
  const [breached, dueSoon] = await Promise.all([
    collect(search, jql.breached, (p) => pick(p, q.metricKey, isBreachedNow)),
    collect(search, jql.dueSoon, (p) => pick(p, q.metricKey, (m) => isDueSoon(m, now, horizonMs))),
  ]);
  if (!breached.ok) return err(jiraFailure(breached.error));
  if (!dueSoon.ok) return err(jiraFailure(dueSoon.error));
  const scope = await viewerScope(deps, accountId, q.projectId);
  if (!scope.ok) return err(jiraFailure(scope.error));
  const month = DateTime.fromMillis(now, { zone: q.timeZone }).toFormat('yyyy-MM');
  const filters = { fromMonth: month, toMonth: month, timeZone: q.timeZone, metricKey: q.metricKey, goalId: null, priorityId: null };
  const report = await projectReport(q.projectId, filters, 0, issueFilter(scope.value));
  return ok({
    breached: breached.value.issues,
    dueSoon: dueSoon.value.issues.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0)),
    more: breached.value.more || dueSoon.value.more,
    compliance: thisMonthsCompliance(report?.rows ?? [], month, scope.value.kind),
    serverNow: now,
  });
}
