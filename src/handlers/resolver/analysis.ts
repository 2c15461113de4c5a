/**
 * Settings resolvers that analyse a proposed (unsaved) policy: its coverage gaps and a what-if over
 * the project's recently resolved issues. Both validate the policy as save does.
 */
import type { DataOf, Envelope, FieldIssue, PayloadOf } from '../../contract';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from '../../app/deps';
import { runWhatIf } from '../../app/whatIf';
import { analyzeCoverage } from '../../core/analysis/coverage';
import { formatTarget, validatePolicy, type CompiledPolicy } from '../../core';
import { fail, fromJira, ok } from './envelope';

/** A what-if reads up to three pages of issues; it gets the resolver's Jira budget for each. */
const WHATIF_JIRA_BUDGET_MS = 3 * RESOLVER_JIRA_BUDGET_MS;

function compiled(policy: unknown): { ok: true; policy: CompiledPolicy } | { ok: false; envelope: Envelope<never> } {
  const res = validatePolicy(policy);
  if (res.ok) return { ok: true, policy: res.value };
  const issues: FieldIssue[] = res.errors.map(({ path, code, message }) => ({ path, code, message }));
  return { ok: false, envelope: fail('VALIDATION_FAILED', `The policy has ${issues.length} problem(s).`, issues) };
}

export function coverage(deps: Deps, p: PayloadOf<'settings.coverage'>): Envelope<DataOf<'settings.coverage'>> {
  const c = compiled(p.policy);
  if (!c.ok) return c.envelope;
  const report = analyzeCoverage(c.policy, deps.now());
  const goals = report.goals.map((g) => {
    const calendar = c.policy.calendars.get(g.calendarId);
    return { ...g, target: formatTarget(g.target), calendarName: calendar?.name ?? g.calendarId, timeZone: calendar?.timeZone ?? 'UTC' };
  });
  return ok({ from: report.from, to: report.to, goals, uncovered: report.uncovered });
}

export async function whatIf(deps: Deps, projectId: string, p: PayloadOf<'settings.whatIf'>): Promise<Envelope<DataOf<'settings.whatIf'>>> {
  const c = compiled(p.policy);
  if (!c.ok) return c.envelope;
  const result = await runWhatIf(deps, deps.appJira(WHATIF_JIRA_BUDGET_MS), projectId, c.policy, p.days);
  if (result.ok) return ok(result.value);
  if (result.reason === 'notConfigured') return fail('NOT_CONFIGURED', 'Save a policy first: the what-if compares the proposed policy with the saved one.');
  return fromJira(result.error);
}
