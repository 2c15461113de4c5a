/**
 * The issue panel's data: a fresh snapshot for the issue (evaluated now, not read from the property,
 * so the panel is right even before the consumer has run) plus the calendars, with holidays
 * materialised, that the panel needs to tick the countdown locally. Customers get a reduced DTO
 * instead (customerPanel.ts); both start from the same evaluation.
 */
import type { AgentPanelData } from '../contract';
import { err, evaluate, materializeHolidays, ok, validatePolicy, type CalendarSpec, type PolicySpec, type SlaSnapshot } from '../core';
import type { JiraClient } from '../jira/client';
import { listActionFailures } from '../store/actionFailures';
import { hasConfigRecord } from '../store/config';
import { failure, jiraFailure, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { loadIssue, toHistory } from './history';
import { nameSnapshot, siteNames } from './names';

const notConfigured = err(failure('NOT_CONFIGURED', 'The saved SLA policy no longer validates; an admin should review it in the project settings.'));

/** The issue evaluated now under its project's policy; `spec` null when the project has none. */
export interface Evaluated {
  issueId: string;
  projectId: string;
  now: number;
  jira: JiraClient;
  spec: PolicySpec | null;
  snapshot: SlaSnapshot | null;
}

function calendarsFor(specs: CalendarSpec[], now: number): CalendarSpec[] {
  const year = new Date(now).getUTCFullYear();
  return specs.map((s) => materializeHolidays(s, year - 1, year + 1));
}

export async function evaluateForPanel(deps: Deps, issueId: string, contextProjectId: string | null): Promise<Answer<Evaluated>> {
  const now = deps.now();
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  const loaded = await loadIssue(jira, issueId, contextProjectId ?? undefined);
  if (!loaded.ok) return err(jiraFailure(loaded.error));
  const { bundle, projectId, config } = loaded.value;
  const base = { issueId: bundle.id, projectId, now, jira };
  // A stored record that cannot be read is a broken configuration, not an unconfigured project.
  if (!config) return (await hasConfigRecord(projectId)) ? notConfigured : ok({ ...base, spec: null, snapshot: null });
  const policy = validatePolicy(config.policy);
  if (!policy.ok) return notConfigured;
  const history = await toHistory(jira, bundle, config.policy, now);
  if (!history.ok) return err(jiraFailure(history.error));
  return ok({ ...base, spec: config.policy, snapshot: evaluate(history.value, policy.value, now) });
}

export async function panelSla(deps: Deps, issueId: string, contextProjectId: string | null): Promise<Answer<AgentPanelData>> {
  const evaluated = await evaluateForPanel(deps, issueId, contextProjectId);
  if (!evaluated.ok) return evaluated;
  const { projectId, now, jira, spec, snapshot } = evaluated.value;
  const empty: AgentPanelData = { view: 'agent', configured: false, projectId, snapshot: null, calendars: [], warnings: {}, serverNow: now, actionFailures: [] };
  if (!spec || !snapshot) return ok(empty);
  // Pause reasons name statuses (cached site names), never ids.
  const named = nameSnapshot(snapshot, spec, await siteNames(jira, now));
  const warnings = Object.fromEntries(spec.metrics.map((m) => [m.key, m.warnings ?? []]));
  const actionFailures = await listActionFailures(evaluated.value.issueId);
  return ok({ ...empty, configured: true, snapshot: named, calendars: calendarsFor(spec.calendars, now), warnings, actionFailures });
}
