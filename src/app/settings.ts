/** The settings page's use-cases. Each assumes the caller's access was already checked by the resolver table. */
import { SLA_PROPERTY_MAX_BYTES, type DataOf, type FieldIssue, type PayloadOf, type PreviewMetric } from '../contract';
import {
  err, instantiatePreset, listHolidayCountries, listHolidays, listHolidayStates, ok, POLICY_PRESETS, previewDue, validatePolicy,
  type CompiledPolicy, type HolidaySource, type HolidayType, type OpenWindow, type PolicyError, type PolicySpec } from '../core';
import { loadConfig, saveConfig } from '../store/config';
import { setShowsCustomers, showsCustomers } from '../store/customerView';
import { getProgress } from '../store/progress';
import { jiraFailure, refuse, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { minimalPropertyBytes } from './property';
import { startReindex } from './reindex';

/** At most this many open windows per preview metric: enough for a small timeline. */
const MAX_WINDOWS = 200;

const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

const toIssues = (errors: PolicyError[]): FieldIssue[] => errors.map(({ path, code, message }) => ({ path, code, message }));

/** Problems the engine cannot see: the `sla` property of this policy must fit in Jira's 32 KB. */
function shellIssues(spec: PolicySpec): FieldIssue[] {
  const bytes = minimalPropertyBytes(spec);
  if (bytes <= SLA_PROPERTY_MAX_BYTES) return [];
  const message = `With ${spec.metrics.length} metrics the sla issue property needs at least ${bytes} bytes; Jira allows ${SLA_PROPERTY_MAX_BYTES}. Use fewer metrics.`;
  return [{ path: 'metrics', code: 'POL_PROPERTY_TOO_LARGE', message }];
}

export function compile(policy: unknown): Answer<CompiledPolicy> {
  const res = validatePolicy(policy);
  const issues = res.ok ? shellIssues(res.value.spec) : toIssues(res.error);
  if (res.ok && issues.length === 0) return ok(res.value);
  return refuse('VALIDATION_FAILED', `The policy has ${issues.length} problem(s).`, issues);
}

function windowsOf(policy: CompiledPolicy, calendarId: string, from: number, to: number): OpenWindow[] {
  const cal = policy.calendars.get(calendarId);
  if (!cal) return [];
  const out: OpenWindow[] = [];
  for (const w of cal.openWindows(from, to)) {
    out.push(w);
    if (out.length >= MAX_WINDOWS) break;
  }
  return out;
}

export async function getConfig(projectId: string, canEdit: boolean): Promise<Answer<DataOf<'settings.getConfig'>>> {
  return ok({ config: await loadConfig(projectId), canEdit, projectId, showCustomers: await showsCustomers(projectId) });
}

/** The "Show customers their SLA" switch; admin-only (the resolver's guard). */
export async function setCustomerView(projectId: string, show: boolean): Promise<Answer<DataOf<'settings.setCustomerView'>>> {
  await setShowsCustomers(projectId, show);
  return ok({ showCustomers: show });
}

export function validate(policy: unknown): Answer<DataOf<'settings.validate'>> {
  const res = validatePolicy(policy);
  return ok({ issues: res.ok ? shellIssues(res.value.spec) : toIssues(res.error) });
}

export async function save(deps: Deps, projectId: string, accountId: string, p: PayloadOf<'settings.save'>): Promise<Answer<DataOf<'settings.save'>>> {
  const compiled = compile(p.policy);
  if (!compiled.ok) return compiled;
  const saved = await saveConfig({
    projectId,
    policy: compiled.value.spec,
    expectedVersion: p.expectedVersion,
    updatedBy: accountId,
    updatedAt: new Date(deps.now()).toISOString(),
  });
  if (!saved.ok) {
    return refuse('VERSION_CONFLICT', `Someone else saved version ${saved.error.currentVersion} meanwhile; reload to see their changes.`);
  }
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  try {
    const recompute = await startReindex(deps, jira, projectId, saved.value.version, p.recomputeResolvedSince ?? null);
    return ok({ config: saved.value, recompute });
  } catch (e) {
    // The configuration is saved; only the bulk recompute could not be queued. Issues still update on their next event.
    deps.log.error('Could not queue the project recompute', { projectId, error: e instanceof Error ? e.message : String(e) });
    const startedAt = new Date(deps.now()).toISOString();
    return ok({ config: saved.value, recompute: { state: 'failed', done: 0, total: 0, startedAt, finishedAt: startedAt } });
  }
}

/** Read as the app, like every other metadata read (README "Scopes": why not as the admin). */
export async function metadata(deps: Deps, projectId: string): Promise<Answer<DataOf<'settings.metadata'>>> {
  const res = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getMetadata(projectId);
  return res.ok ? ok(res.value) : err(jiraFailure(res.error));
}

export function presets(): Answer<DataOf<'settings.presets'>> {
  return ok({ presets: POLICY_PRESETS.map(({ id, name, description }) => ({ id, name, description })) });
}

export async function applyPreset(deps: Deps, projectId: string, presetId: string): Promise<Answer<DataOf<'settings.applyPreset'>>> {
  const meta = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getMetadata(projectId);
  if (!meta.ok) return err(jiraFailure(meta.error));
  if (!POLICY_PRESETS.some((p) => p.id === presetId)) return refuse('NOT_FOUND', `There is no preset "${presetId}".`);
  return ok(instantiatePreset(presetId, meta.value));
}

export function holidays(p: PayloadOf<'settings.holidays'>): Answer<DataOf<'settings.holidays'>> {
  const countries = listHolidayCountries();
  if (!p.country) return ok({ countries, states: [], holidays: [] });
  if (!countries.some((c) => c.id === p.country)) return refuse('BAD_REQUEST', `Unknown holiday country "${p.country}".`);
  const types = p.types?.filter((t): t is HolidayType => (HOLIDAY_TYPES as readonly string[]).includes(t));
  const source: HolidaySource = { country: p.country, ...(p.state ? { state: p.state } : {}), ...(types ? { types } : {}) };
  return ok({ countries, states: listHolidayStates(p.country), holidays: listHolidays(source, p.year) });
}

export function preview(deps: Deps, p: PayloadOf<'settings.preview'>): Answer<DataOf<'settings.preview'>> {
  const compiled = compile(p.policy);
  if (!compiled.ok) return compiled;
  const now = deps.now();
  const fields = Object.fromEntries(Object.entries(p.fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const calendars = compiled.value.spec.calendars;
  const metrics: PreviewMetric[] = previewDue(compiled.value, fields, now).map((m) => {
    const cal = calendars.find((c) => c.id === m.calendarId);
    const windows = m.calendarId && m.dueAt !== null ? windowsOf(compiled.value, m.calendarId, now, m.dueAt) : [];
    const timeZone = cal && 'timeZone' in cal ? (cal.timeZone ?? null) : null;
    return { ...m, calendarName: cal?.name ?? null, calendarTimeZone: timeZone, windows };
  });
  return ok({ now, metrics });
}

export async function recomputeProgress(projectId: string): Promise<Answer<DataOf<'settings.recomputeProgress'>>> {
  return ok(await getProgress(projectId));
}
