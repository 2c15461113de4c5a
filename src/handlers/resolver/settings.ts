/** Settings resolvers. Each assumes the caller's access was already checked by the resolver table. */
import { SLA_PROPERTY_MAX_BYTES, type DataOf, type Envelope, type FieldIssue, type PayloadOf, type PreviewMetric } from '../../contract';
import type { HolidaySource, HolidayType } from '../../core/calendar/types';
import type { PolicySpec } from '../../core/policy/types';
import { loadConfig, saveConfig } from '../../store/config';
import { getProgress } from '../../store/progress';
import type { Deps } from '../deps';
import type { CompiledPolicy, PolicyError } from '../engine';
import { minimalPropertyBytes } from '../property';
import { startReindex } from '../reindex';
import { fail, fromJira, ok } from './envelope';
import { RESOLVER_JIRA_BUDGET_MS } from './panel';

const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

const toIssues = (errors: PolicyError[]): FieldIssue[] => errors.map(({ path, code, message }) => ({ path, code, message }));

type Compiled = { ok: true; policy: CompiledPolicy } | { ok: false; envelope: Envelope<never> };

/** Problems the engine cannot see: the `sla` property of this policy must fit in Jira's 32 KB. */
function shellIssues(spec: PolicySpec): FieldIssue[] {
  const bytes = minimalPropertyBytes(spec);
  if (bytes <= SLA_PROPERTY_MAX_BYTES) return [];
  const message = `With ${spec.metrics.length} metrics the sla issue property needs at least ${bytes} bytes; Jira allows ${SLA_PROPERTY_MAX_BYTES}. Use fewer metrics.`;
  return [{ path: 'metrics', code: 'POL_PROPERTY_TOO_LARGE', message }];
}

function compile(deps: Deps, policy: unknown): Compiled {
  const res = deps.engine.validatePolicy(policy);
  const issues = res.ok ? shellIssues(res.value.spec) : toIssues(res.errors);
  if (res.ok && issues.length === 0) return { ok: true, policy: res.value };
  return { ok: false, envelope: fail('VALIDATION_FAILED', `The policy has ${issues.length} problem(s).`, issues) };
}

export async function getConfig(projectId: string, canEdit: boolean): Promise<Envelope<DataOf<'settings.getConfig'>>> {
  return ok({ config: await loadConfig(projectId), canEdit, projectId });
}

export function validate(deps: Deps, policy: unknown): Envelope<DataOf<'settings.validate'>> {
  const res = deps.engine.validatePolicy(policy);
  return ok({ issues: res.ok ? shellIssues(res.value.spec) : toIssues(res.errors) });
}

export async function save(deps: Deps, projectId: string, accountId: string, p: PayloadOf<'settings.save'>): Promise<Envelope<DataOf<'settings.save'>>> {
  const compiled = compile(deps, p.policy);
  if (!compiled.ok) return compiled.envelope;
  const saved = await saveConfig({
    projectId,
    policy: compiled.policy.spec,
    expectedVersion: p.expectedVersion,
    updatedBy: accountId,
    updatedAt: new Date(deps.now()).toISOString(),
  });
  if (!saved.ok) {
    return fail('VERSION_CONFLICT', `Someone else saved version ${saved.currentVersion} meanwhile; reload to see their changes.`);
  }
  const jira = deps.appJira(RESOLVER_JIRA_BUDGET_MS);
  try {
    const recompute = await startReindex(deps, jira, projectId, saved.config.version, p.recomputeResolvedSince ?? null);
    return ok({ config: saved.config, recompute });
  } catch (e) {
    // The configuration is saved; only the bulk recompute could not be queued. Issues still update on their next event.
    deps.log.error('Could not queue the project recompute', { projectId, error: e instanceof Error ? e.message : String(e) });
    const startedAt = new Date(deps.now()).toISOString();
    return ok({ config: saved.config, recompute: { state: 'failed', done: 0, total: 0, startedAt, finishedAt: startedAt } });
  }
}

/** Read as the app, like every other metadata read (README "Scopes": why not as the admin). */
export async function metadata(deps: Deps, projectId: string): Promise<Envelope<DataOf<'settings.metadata'>>> {
  const res = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getMetadata(projectId);
  return res.ok ? ok(res.value) : fromJira(res.error);
}

export function presets(deps: Deps): Envelope<DataOf<'settings.presets'>> {
  return ok({ presets: deps.engine.presets() });
}

export async function applyPreset(deps: Deps, projectId: string, presetId: string): Promise<Envelope<DataOf<'settings.applyPreset'>>> {
  const meta = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getMetadata(projectId);
  if (!meta.ok) return fromJira(meta.error);
  const res = deps.engine.instantiatePreset(presetId, meta.value);
  return res ? ok(res) : fail('NOT_FOUND', `There is no preset "${presetId}".`);
}

export function holidays(deps: Deps, p: PayloadOf<'settings.holidays'>): Envelope<DataOf<'settings.holidays'>> {
  const countries = deps.engine.listHolidayCountries();
  if (!p.country) return ok({ countries, states: [], holidays: [] });
  if (!countries.some((c) => c.id === p.country)) return fail('BAD_REQUEST', `Unknown holiday country "${p.country}".`);
  const types = p.types?.filter((t): t is HolidayType => (HOLIDAY_TYPES as readonly string[]).includes(t));
  const source: HolidaySource = { country: p.country, ...(p.state ? { state: p.state } : {}), ...(types ? { types } : {}) };
  return ok({ countries, states: deps.engine.listHolidayStates(p.country), holidays: deps.engine.listHolidays(source, p.year) });
}

export function preview(deps: Deps, p: PayloadOf<'settings.preview'>): Envelope<DataOf<'settings.preview'>> {
  const compiled = compile(deps, p.policy);
  if (!compiled.ok) return compiled.envelope;
  const now = deps.now();
  const fields = Object.fromEntries(Object.entries(p.fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const calendars = compiled.policy.spec.calendars;
  const metrics: PreviewMetric[] = deps.engine.previewDue(compiled.policy, fields, now).map((m) => {
    const cal = calendars.find((c) => c.id === m.calendarId);
    const windows = m.calendarId && m.dueAt !== null ? deps.engine.openWindows(compiled.policy, m.calendarId, now, m.dueAt) : [];
    const timeZone = cal && 'timeZone' in cal ? (cal.timeZone ?? null) : null;
    return { ...m, calendarName: cal?.name ?? null, calendarTimeZone: timeZone, windows };
  });
  return ok({ now, metrics });
}

export async function recomputeProgress(projectId: string): Promise<Envelope<DataOf<'settings.recomputeProgress'>>> {
  return ok(await getProgress(projectId));
}
