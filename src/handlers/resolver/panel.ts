/**
 * panel.getSla: a fresh snapshot for the issue (evaluated now, not read from the property, so the
 * panel is right even before the consumer has run) plus the calendars, with holidays materialised,
 * that the panel needs to tick the countdown locally.
 */
import type { DataOf, Envelope } from '../../contract';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from '../../app/deps';
import { toHistory } from '../../app/history';
import { nameSnapshot, siteNames } from '../../app/names';
import { loadIssue } from '../../app/recompute';
import { evaluate, materializeHolidays, validatePolicy, type CalendarSpec } from '../../core';
import { listActionFailures } from '../../store/actionFailures';
import { hasConfigRecord } from '../../store/config';
import { fromJira, ok, fail } from './envelope';

type PanelData = DataOf<'panel.getSla'>;
const notConfigured = fail<never>('NOT_CONFIGURED', 'The saved SLA policy no longer validates; an admin should review it in the project settings.');

function calendarsFor(specs: CalendarSpec[], now: number): CalendarSpec[] {
  const year = new Date(now).getUTCFullYear();
  return specs.map((s) => materializeHolidays(s, year - 1, year + 1));
}

export async function getSla(deps: Deps, issueId: string, contextProjectId: string | null): Promise<Envelope<PanelData>> {
  const now = deps.now();
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  const loaded = await loadIssue(jira, issueId, contextProjectId ?? undefined);
  if ('error' in loaded) return fromJira(loaded.error);
  const empty: PanelData = { configured: false, projectId: loaded.projectId, snapshot: null, calendars: [], warnings: {}, serverNow: now, actionFailures: [] };
  // A stored record that cannot be read is a broken configuration, not an unconfigured project.
  if (!loaded.config) return (await hasConfigRecord(loaded.projectId)) ? notConfigured : ok(empty);
  const policy = validatePolicy(loaded.config.policy);
  if (!policy.ok) return notConfigured;
  const history = await toHistory(jira, loaded.bundle, loaded.config.policy, now);
  if (!history.ok) return fromJira(history.error);
  // Pause reasons name statuses (cached site names), never ids.
  const snapshot = nameSnapshot(evaluate(history.value, policy.value, now), loaded.config.policy, await siteNames(jira, now));
  const warnings = Object.fromEntries(loaded.config.policy.metrics.map((m) => [m.key, m.warnings ?? []]));
  const actionFailures = await listActionFailures(loaded.bundle.id);
  return ok({ ...empty, configured: true, snapshot, calendars: calendarsFor(loaded.config.policy.calendars, now), warnings, actionFailures });
}
