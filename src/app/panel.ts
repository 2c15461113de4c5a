/**
 * The issue panel's data: a fresh snapshot for the issue (evaluated now, not read from the property,
 * so the panel is right even before the consumer has run) plus the calendars, with holidays
 * materialised, that the panel needs to tick the countdown locally.
 */
import type { DataOf } from '../contract';
import { err, evaluate, materializeHolidays, ok, validatePolicy, type CalendarSpec } from '../core';
import { listActionFailures } from '../store/actionFailures';
import { hasConfigRecord } from '../store/config';
import { failure, jiraFailure, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { loadIssue, toHistory } from './history';
import { nameSnapshot, siteNames } from './names';

type PanelData = DataOf<'panel.getSla'>;
const notConfigured = err(failure('NOT_CONFIGURED', 'The saved SLA policy no longer validates; an admin should review it in the project settings.'));

function calendarsFor(specs: CalendarSpec[], now: number): CalendarSpec[] {
  const year = new Date(now).getUTCFullYear();
  return specs.map((s) => materializeHolidays(s, year - 1, year + 1));
}

export async function panelSla(deps: Deps, issueId: string, contextProjectId: string | null): Promise<Answer<PanelData>> {
  const now = deps.now();
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  const loaded = await loadIssue(jira, issueId, contextProjectId ?? undefined);
  if (!loaded.ok) return err(jiraFailure(loaded.error));
  const { bundle, projectId, config } = loaded.value;
  const empty: PanelData = { configured: false, projectId, snapshot: null, calendars: [], warnings: {}, serverNow: now, actionFailures: [] };
  // A stored record that cannot be read is a broken configuration, not an unconfigured project.
  if (!config) return (await hasConfigRecord(projectId)) ? notConfigured : ok(empty);
  const policy = validatePolicy(config.policy);
  if (!policy.ok) return notConfigured;
  const history = await toHistory(jira, bundle, config.policy, now);
  if (!history.ok) return err(jiraFailure(history.error));
  // Pause reasons name statuses (cached site names), never ids.
  const snapshot = nameSnapshot(evaluate(history.value, policy.value, now), config.policy, await siteNames(jira, now));
  const warnings = Object.fromEntries(config.policy.metrics.map((m) => [m.key, m.warnings ?? []]));
  const actionFailures = await listActionFailures(bundle.id);
  return ok({ ...empty, configured: true, snapshot, calendars: calendarsFor(config.policy.calendars, now), warnings, actionFailures });
}
