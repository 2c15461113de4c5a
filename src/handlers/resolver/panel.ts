/**
 * panel.getSla: a fresh snapshot for the issue (evaluated now, not read from the property, so the
 * panel is right even before the consumer has run) plus the calendars, with holidays materialised,
 * that the panel needs to tick the countdown locally.
 */
import type { DataOf, Envelope } from '../../contract';
import type { CalendarSpec } from '../../core/calendar/types';
import { listActionFailures } from '../../store/actionFailures';
import { hasConfigRecord } from '../../store/config';
import type { Deps } from '../deps';
import { toHistory } from '../history';
import { loadIssue } from '../recompute';
import { fromJira, ok, fail } from './envelope';

type PanelData = DataOf<'panel.getSla'>;
export const RESOLVER_JIRA_BUDGET_MS = 8_000;
const notConfigured = fail<never>('NOT_CONFIGURED', 'The saved SLA policy no longer validates; an admin should review it in the project settings.');

function calendarsFor(deps: Deps, specs: CalendarSpec[], now: number): CalendarSpec[] {
  const year = new Date(now).getUTCFullYear();
  return specs.map((s) => deps.engine.materializeHolidays(s, year - 1, year + 1));
}

export async function getSla(deps: Deps, issueId: string, contextProjectId: string | null): Promise<Envelope<PanelData>> {
  const now = deps.now();
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  const loaded = await loadIssue(jira, issueId, contextProjectId ?? undefined);
  if ('error' in loaded) return fromJira(loaded.error);
  const empty: PanelData = { configured: false, projectId: loaded.projectId, snapshot: null, calendars: [], warnings: {}, serverNow: now, actionFailures: [] };
  // A stored record that cannot be read is a broken configuration, not an unconfigured project.
  if (!loaded.config) return (await hasConfigRecord(loaded.projectId)) ? notConfigured : ok(empty);
  const policy = deps.engine.validatePolicy(loaded.config.policy);
  if (!policy.ok) return notConfigured;
  const history = await toHistory(jira, loaded.bundle, loaded.config.policy, now);
  if (!history.ok) return fromJira(history.error);
  const snapshot = deps.engine.evaluate(history.value, policy.value, now);
  const warnings = Object.fromEntries(loaded.config.policy.metrics.map((m) => [m.key, m.warnings ?? []]));
  const actionFailures = await listActionFailures(loaded.bundle.id);
  return ok({ ...empty, configured: true, snapshot, calendars: calendarsFor(deps, loaded.config.policy.calendars, now), warnings, actionFailures });
}
