/** Report, explain and uptime resolvers. Each assumes the resolver table already checked the caller's access. */
import { MAX_BREACHED_LISTED, MAX_JQL_KEYS, type DataOf, type PayloadOf, type ReportFiltersDto } from '../../contract';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from '../../app/deps';
import { explainIssue } from '../../app/explain';
import { gadgetView, type GadgetQuery } from '../../app/gadget';
import { visibleKeys } from '../../app/visibleKeys';
import { projectReport, reportRows } from '../../app/reports';
import { deleteOutage, saveOutage, saveRules, statementsFor, type BookEdit } from '../../app/uptime';
import { complianceCsv, creditStatement, cyclesCsv, err, isKnownZone, ok, statementCsv, summarizeCounted, type ReportNames } from '../../core';
import { loadConfig } from '../../store/config';
import { loadOutageBook } from '../../store/outages';
import { jiraFailure, refuse as fail, type Answer } from '../../app/answer';
import type { JiraError } from '../../jira/http';

const badZone = fail('BAD_REQUEST', 'Unknown time zone.');
const badPeriod = fail('BAD_REQUEST', 'The period must run forwards and cover at most 24 months.');

async function namesOf(projectId: string): Promise<ReportNames> {
  const policy = (await loadConfig(projectId))?.policy;
  const metrics = Object.fromEntries((policy?.metrics ?? []).map((m) => [m.key, m.name]));
  const goals = Object.fromEntries((policy?.metrics ?? []).flatMap((m) => m.goals.map((g) => [g.id, g.name])));
  return { metrics, goals };
}

const fromJira = (e: JiraError) => err(jiraFailure(e));

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

/**
 * The figures count every issue of the project; the breached cycles listed (and the JQL link) keep
 * only issues the viewer can open, checked as the viewer (docs/guides/reports.md, Permissions).
 */
export async function reportGet(deps: Deps, accountId: string, projectId: string, f: ReportFiltersDto): Promise<Answer<DataOf<'report.get'>>> {
  if (!isKnownZone(f.timeZone)) return badZone;
  const report = await projectReport(projectId, f, MAX_BREACHED_LISTED);
  if (report === null) return badPeriod;
  const visible = await visibleKeys(deps.userJira(accountId), report.breached.map((b) => b.issueKey));
  if (!visible.ok) return fromJira(visible.error);
  const breached = report.breached.filter((b) => visible.value.has(b.issueKey)).map(({ issueKey, metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, breachedAt, month }) =>
    ({ issueKey, metricKey, goalId, startedAt, stoppedAt, elapsedMs, goalMs, breachedAt, month }));
  return ok({
    rows: report.rows, trend: report.trend, breached, breachedTotal: report.breachedTotal,
    jql: jqlOf(breached.map((b) => b.issueKey)), cycleCount: report.cycleCount,
  });
}

export async function reportCsv(projectId: string, p: PayloadOf<'report.csv'>): Promise<Answer<DataOf<'report.csv'>>> {
  if (!isKnownZone(p.timeZone)) return badZone;
  const rows = await reportRows(projectId, p);
  if (rows === null) return badPeriod;
  const names = await namesOf(projectId);
  const csv = p.kind === 'cycles' ? cyclesCsv(rows, names, p.timeZone) : complianceCsv(summarizeCounted(rows), names);
  return ok({ filename: `sla-${p.kind}-${p.fromMonth}-to-${p.toMonth}.csv`, csv });
}

export async function explainGet(deps: Deps, p: PayloadOf<'explain.get'>, projectId: string | null): Promise<Answer<DataOf<'explain.get'>>> {
  const zone = p.timeZone ?? 'UTC';
  if (!isKnownZone(zone)) return badZone;
  const r = await explainIssue(deps, p.issueId, projectId, zone);
  if (!r.ok) return r.code === 'JIRA' ? fromJira(r.error) : fail('NOT_CONFIGURED', 'This project has no valid SLA policy.');
  return ok({ cycles: r.explanation.cycles, statusNames: r.statusNames, goalNames: r.goalNames, evaluatedAt: r.explanation.evaluatedAt, csv: { filename: `sla-explain-${r.issueKey}.csv`, csv: r.csv } });
}

export async function uptimeGet(projectId: string, canEdit: boolean, p: PayloadOf<'uptime.get'>): Promise<Answer<DataOf<'uptime.get'>>> {
  if (!isKnownZone(p.timeZone)) return badZone;
  const book = await loadOutageBook(projectId);
  return ok({ canEdit, rev: book.rev, outages: book.outages, rules: book.rules, statements: statementsFor(book, p.month, p.timeZone) });
}

function edited<T, D>(r: BookEdit<T>, data: (rev: number, value: T) => D): Answer<D> {
  if (r.ok) return ok(data(r.rev, r.value));
  if (r.code === 'VALIDATION_FAILED') return fail('VALIDATION_FAILED', `${r.issues.length} problem(s) to fix.`, r.issues);
  if (r.code === 'NOT_FOUND') return fail('NOT_FOUND', 'That outage no longer exists.');
  return fail('VERSION_CONFLICT', 'Someone else changed the outages meanwhile; reload and try again.');
}

export async function uptimeSaveOutage(projectId: string, p: PayloadOf<'uptime.saveOutage'>): Promise<Answer<DataOf<'uptime.saveOutage'>>> {
  return edited(await saveOutage(projectId, p.expectedRev, { ...p.outage }), (rev, outage) => ({ rev, outage }));
}

export async function uptimeDeleteOutage(projectId: string, p: PayloadOf<'uptime.deleteOutage'>): Promise<Answer<DataOf<'uptime.deleteOutage'>>> {
  return edited(await deleteOutage(projectId, p.expectedRev, p.id), (rev) => ({ rev }));
}

export async function uptimeSaveRules(projectId: string, p: PayloadOf<'uptime.saveRules'>): Promise<Answer<DataOf<'uptime.saveRules'>>> {
  return edited(await saveRules(projectId, p.expectedRev, p.rules), (rev, rules) => ({ rev, rules }));
}

export async function uptimeStatementCsv(projectId: string, p: PayloadOf<'uptime.statementCsv'>): Promise<Answer<DataOf<'uptime.statementCsv'>>> {
  if (!isKnownZone(p.timeZone)) return badZone;
  const book = await loadOutageBook(projectId);
  const s = creditStatement(book.outages, { service: p.service, customer: p.customer, month: p.month, timeZone: p.timeZone }, book.rules);
  if (s === null) return badPeriod;
  const who = p.customer === null ? p.service : `${p.service}-${p.customer}`;
  return ok({ filename: `sla-credit-statement-${who.replace(/[^A-Za-z0-9._-]+/g, '_')}-${p.month}.csv`, csv: statementCsv(s) });
}

export async function gadgetOptions(projectId: string): Promise<Answer<DataOf<'gadget.options'>>> {
  const policy = (await loadConfig(projectId))?.policy ?? null;
  return ok({ configured: policy !== null, metrics: (policy?.metrics ?? []).map((m) => ({ id: m.key, name: m.name })) });
}

export async function gadgetGet(deps: Deps, accountId: string, q: GadgetQuery): Promise<Answer<DataOf<'gadget.get'>>> {
  if (!isKnownZone(q.timeZone)) return badZone;
  return gadgetView(deps, accountId, q);
}
