/** Settings resolvers. Each assumes the caller's access was already checked by the resolver table. */
import { SLA_PROPERTY_MAX_BYTES, type DataOf, type Envelope, type FieldIssue, type PayloadOf, type PreviewMetric } from '../../contract';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from '../../app/deps';
import { minimalPropertyBytes } from '../../app/property';
import { startReindex } from '../../app/reindex';
import * as core from '../../core';
import type { CompiledPolicy, HolidaySource, HolidayType, OpenWindow, PolicyError, PolicySpec } from '../../core';
import { loadConfig, saveConfig } from '../../store/config';
import { getProgress } from '../../store/progress';
import { fail, fromJira, ok } from './envelope';

/** At most this many open windows per preview metric: enough for a small timeline. */
const MAX_WINDOWS = 200;

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

function compile(policy: unknown): Compiled {
  const res = core.validatePolicy(policy);
  const issues = res.ok ? shellIssues(res.value.spec) : toIssues(res.errors);
  if (res.ok && issues.length === 0) return { ok: true, policy: res.value };
  return { ok: false, envelope: fail('VALIDATION_FAILED', `The policy has ${issues.length} problem(s).`, issues) };
}

function windowsOf(policy: CompiledPolicy, calendarId: string, from: number, to: number): OpenWindow[] {
  const cal = policy.calendars.get(calendarId);
  if (!cal) return [];
  const out: OpenWindow[] = [];
  for (const w of core.openWindows(cal, from, to)) {
    out.push(w);
    if (out.length >= MAX_WINDOWS) break;
  }
  return out;
}

export async function getConfig(projectId: string, canEdit: boolean): Promise<Envelope<DataOf<'settings.getConfig'>>> {
  return ok({ config: await loadConfig(projectId), canEdit, projectId });
}

export function validate(policy: unknown): Envelope<DataOf<'settings.validate'>> {
  const res = core.validatePolicy(policy);
  return ok({ issues: res.ok ? shellIssues(res.value.spec) : toIssues(res.errors) });
}

export async function save(deps: Deps, projectId: string, accountId: string, p: PayloadOf<'settings.save'>): Promise<Envelope<DataOf<'settings.save'>>> {
  const compiled = compile(p.policy);
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

export function presets(): Envelope<DataOf<'settings.presets'>> {
  return ok({ presets: core.POLICY_PRESETS.map(({ id, name, description }) => ({ id, name, description })) });
}

export async function applyPreset(deps: Deps, projectId: string, presetId: string): Promise<Envelope<DataOf<'settings.applyPreset'>>> {
  const meta = await deps.appJira(RESOLVER_JIRA_BUDGET_MS).getMetadata(projectId);
  if (!meta.ok) return fromJira(meta.error);
  if (!core.POLICY_PRESETS.some((p) => p.id === presetId)) return fail('NOT_FOUND', `There is no preset "${presetId}".`);
  return ok(core.instantiatePreset(presetId, meta.value));
}

export function holidays(p: PayloadOf<'settings.holidays'>): Envelope<DataOf<'settings.holidays'>> {
  const countries = core.listHolidayCountries();
  if (!p.country) return ok({ countries, states: [], holidays: [] });
  if (!countries.some((c) => c.id === p.country)) return fail('BAD_REQUEST', `Unknown holiday country "${p.country}".`);
  const types = p.types?.filter((t): t is HolidayType => (HOLIDAY_TYPES as readonly string[]).includes(t));
  const source: HolidaySource = { country: p.country, ...(p.state ? { state: p.state } : {}), ...(types ? { types } : {}) };
  return ok({ countries, states: core.listHolidayStates(p.country), holidays: core.listHolidays(source, p.year) });
}

export function preview(deps: Deps, p: PayloadOf<'settings.preview'>): Envelope<DataOf<'settings.preview'>> {
  const compiled = compile(p.policy);
  if (!compiled.ok) return compiled.envelope;
  const now = deps.now();
  const fields = Object.fromEntries(Object.entries(p.fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const calendars = compiled.policy.spec.calendars;
  const metrics: PreviewMetric[] = core.previewDue(compiled.policy, fields, now).map((m) => {
    const cal = calendars.find((c) => c.id === m.calendarId);
    const windows = m.calendarId && m.dueAt !== null ? windowsOf(compiled.policy, m.calendarId, now, m.dueAt) : [];
    const timeZone = cal && 'timeZone' in cal ? (cal.timeZone ?? null) : null;
    return { ...m, calendarName: cal?.name ?? null, calendarTimeZone: timeZone, windows };
  });
  return ok({ now, metrics });
}

export async function recomputeProgress(projectId: string): Promise<Envelope<DataOf<'settings.recomputeProgress'>>> {
  return ok(await getProgress(projectId));
}
