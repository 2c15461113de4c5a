/**
 * Settings use-cases that analyse a proposed (unsaved) policy: its coverage gaps and a what-if over
 * the project's recently resolved issues. Both validate the policy exactly as save does.
 */
import type { DataOf, PayloadOf } from '../contract';
import { analyzeCoverage, err, formatTarget, ok } from '../core';
import { jiraFailure, refuse, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { compile } from './settings';
import { runWhatIf } from './whatIf';

/** A what-if reads up to three pages of issues; it gets the resolver's Jira budget for each. */
const WHATIF_JIRA_BUDGET_MS = 3 * RESOLVER_JIRA_BUDGET_MS;

export function coverage(deps: Deps, p: PayloadOf<'settings.coverage'>): Answer<DataOf<'settings.coverage'>> {
  const c = compile(p.policy);
  if (!c.ok) return c;
  const report = analyzeCoverage(c.value, deps.now());
  const goals = report.goals.map((g) => {
    const calendar = c.value.calendars.get(g.calendarId);
    return { ...g, target: formatTarget(g.target), calendarName: calendar?.name ?? g.calendarId, timeZone: calendar?.timeZone ?? 'UTC' };
  });
  return ok({ from: report.from, to: report.to, goals, uncovered: report.uncovered });
}

export async function whatIf(deps: Deps, projectId: string, p: PayloadOf<'settings.whatIf'>): Promise<Answer<DataOf<'settings.whatIf'>>> {
  const c = compile(p.policy);
  if (!c.ok) return c;
  const result = await runWhatIf(deps, deps.appJira(WHATIF_JIRA_BUDGET_MS), projectId, c.value, p.days);
  if (result.ok) return ok(result.value);
  if (result.reason === 'notConfigured') return refuse('NOT_CONFIGURED', 'Save a policy first: the what-if compares the proposed policy with the saved one.');
  return err(jiraFailure(result.error));
}
