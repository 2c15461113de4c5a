/** "Explain this SLA" for one issue: the same history and policy the panel evaluates, cut into parts. */
import type { DataOf, PayloadOf } from '../contract';
import { err, explainCsv, explainSla, isKnownZone, ok, validatePolicy, type Explanation } from '../core';
import type { JiraError } from '../jira/http';
import { jiraFailure, refuse, UNKNOWN_ZONE, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { toHistory, loadIssue } from './history';

export type ExplainResult =
  | { ok: true; explanation: Explanation; statusNames: Record<string, string>; goalNames: GoalNames; csv: string; issueKey: string }
  | { ok: false; code: 'NOT_CONFIGURED' }
  | { ok: false; code: 'JIRA'; error: JiraError };

/** Goal names by metric key and goal id, so a goal change is told by name, never by id. */
export type GoalNames = Record<string, Record<string, string>>;

function goalNamesOf(metrics: ReadonlyArray<{ key: string; goals: ReadonlyArray<{ id: string; name: string }> }>): GoalNames {
  return Object.fromEntries(metrics.map((m) => [m.key, Object.fromEntries(m.goals.map((g) => [g.id, g.name]))]));
}

/** Status ids to names; an unreadable status list only costs the names (ids are shown instead). */
async function statusNames(deps: Deps): Promise<Record<string, string>> {
  const statuses = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getStatuses();
  return statuses.ok ? Object.fromEntries(statuses.value.map((s) => [s.id, s.name])) : {};
}

export async function explainIssue(deps: Deps, issueId: string, projectId: string | null, timeZone: string): Promise<ExplainResult> {
  const now = deps.now();
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  const read = await loadIssue(jira, issueId, projectId ?? undefined);
  if (!read.ok) return { ok: false, code: 'JIRA', error: read.error };
  const loaded = read.value;
  const policy = loaded.config ? validatePolicy(loaded.config.policy) : null;
  if (!loaded.config || !policy?.ok) return { ok: false, code: 'NOT_CONFIGURED' };
  const history = await toHistory(jira, loaded.bundle, loaded.config.policy, now);
  if (!history.ok) return { ok: false, code: 'JIRA', error: history.error };
  const explanation = explainSla(history.value, policy.value, now);
  const names = await statusNames(deps);
  return { ok: true, explanation, statusNames: names, goalNames: goalNamesOf(loaded.config.policy.metrics), csv: explainCsv(explanation.cycles, names, timeZone), issueKey: loaded.bundle.key };
}

/** The `explain.get` answer for the panel's issue, with its CSV. */
export async function explainGet(deps: Deps, p: PayloadOf<'explain.get'>, projectId: string | null): Promise<Answer<DataOf<'explain.get'>>> {
  const zone = p.timeZone ?? 'UTC';
  if (!isKnownZone(zone)) return UNKNOWN_ZONE;
  const r = await explainIssue(deps, p.issueId, projectId, zone);
  if (!r.ok) return r.code === 'JIRA' ? err(jiraFailure(r.error)) : refuse('NOT_CONFIGURED', 'This project has no valid SLA policy.');
  return ok({ cycles: r.explanation.cycles, statusNames: r.statusNames, goalNames: r.goalNames, evaluatedAt: r.explanation.evaluatedAt, csv: { filename: `sla-explain-${r.issueKey}.csv`, csv: r.csv } });
}
