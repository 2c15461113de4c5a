/**
 * validatePolicy: unknown JSON -> CompiledPolicy, or every error found with a stable code and the path
 * of the offending field. The calendar compiler is a parameter so the browser can validate with the
 * holiday-free engine and the backend with the full one.
 */
import type { BusinessCalendar, CalendarError } from '../calendar/types';
import { err, ok, type Result } from '../result';
import { deepFreeze, isRecord } from '../json';
import type { CompiledPolicy, PolicyError } from './compiled';
import type { Goal, MetricSpec, PolicySpec } from './types';
import { policySchema, type ParsedMetric, type ParsedPolicy } from './schema';
import { formatPath, INVALID, type ParseIssue } from '../json/parse';
import { checkMetrics } from './rules';

export type CalendarCompiler = (spec: unknown) => Result<BusinessCalendar, CalendarError[]>;

/** Structural problems get the code of the part they are in, so the UI can show them in place. */
function codeForPath(path: readonly PropertyKey[]): PolicyError['code'] {
  const parts = new Set(path.filter((p): p is string => typeof p === 'string'));
  if (parts.has('target')) return 'POL_BAD_TARGET';
  if (parts.has('warnings')) return 'POL_BAD_WARNING';
  if (parts.has('warningActions') || parts.has('breachActions')) return 'POL_BAD_ACTION';
  if ((parts.has('start') || parts.has('pause') || parts.has('stop')) && path.length > 3) return 'POL_BAD_CONDITION';
  return 'POL_MALFORMED';
}

function structuralErrors(issues: readonly ParseIssue[]): PolicyError[] {
  return issues.map((issue) => ({ code: codeForPath(issue.path), path: formatPath(issue.path), message: issue.message }));
}

function compileCalendars(list: readonly unknown[], compile: CalendarCompiler, errors: PolicyError[]): Map<string, BusinessCalendar> {
  const calendars = new Map<string, BusinessCalendar>();
  list.forEach((raw, i) => {
    const id = isRecord(raw) ? raw.id : undefined;
    if (typeof id !== 'string' || id === '') {
      errors.push({ code: 'POL_CALENDAR', path: `calendars[${i}]`, message: 'Each calendar must be an object with a non-empty id.' });
      return;
    }
    if (calendars.has(id)) {
      errors.push({ code: 'CAL_DUPLICATE_ID', path: `calendars[${i}].id`, message: `Another calendar already uses the id "${id}".` });
      return;
    }
    const result = compile(raw);
    if (result.ok) calendars.set(id, result.value);
    else for (const e of result.error) errors.push({ ...e, path: e.path ? `calendars[${i}].${e.path}` : `calendars[${i}]` });
  });
  return calendars;
}

function toMetric(m: ParsedMetric): MetricSpec {
  const goals: Goal[] = m.goals.map((g) => ({ ...g, target: g.target ?? { kind: 'trackOnly' } }));
  return { ...m, goals };
}

function schemaVersionError(input: unknown): PolicyError | null {
  if (!isRecord(input)) return { code: 'POL_MALFORMED', path: '', message: 'A policy is a JSON object.' };
  const version = input.schemaVersion;
  if (version === 1) return null;
  return { code: 'POL_SCHEMA_VERSION', path: 'schemaVersion', message: `Unsupported schemaVersion ${JSON.stringify(version)}: this app reads version 1.` };
}

/**
 * Builds a validator around a calendar compiler.
 * @example const validate = makePolicyValidator(compileCalendar); validate(json).ok
 */
export function makePolicyValidator(compile: CalendarCompiler): (input: unknown) => Result<CompiledPolicy, PolicyError[]> {
  return (input) => {
    const versionError = schemaVersionError(input);
    if (versionError) return err([versionError]);
    const issues: ParseIssue[] = [];
    const parsed = policySchema(input, [], issues);
    if (parsed === INVALID || issues.length > 0) return err(structuralErrors(issues));
    return compileParsed(parsed, compile);
  };
}

function compileParsed(data: ParsedPolicy, compile: CalendarCompiler): Result<CompiledPolicy, PolicyError[]> {
  const errors: PolicyError[] = [];
  const calendars = compileCalendars(data.calendars, compile, errors);
  const ids = new Set(data.calendars.map((c) => (c as { id?: unknown }).id).filter((id): id is string => typeof id === 'string'));
  checkMetrics(data.metrics, ids, (code, path, message) => errors.push({ code, path, message }));
  if (errors.length > 0) return err(errors);
  const spec: PolicySpec = {
    schemaVersion: 1,
    name: data.name,
    metrics: data.metrics.map(toMetric),
    // Cloned: freezing must never reach objects the caller still owns.
    calendars: [...calendars.values()].map((c) => structuredClone(c.spec)),
  };
  return ok({ spec: deepFreeze(spec), calendars });
}
