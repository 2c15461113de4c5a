/**
 * Service credits: editable rules (target uptime and "below X% → N days"), and the monthly statement
 * an admin hands a customer, listing each outage as evidence of the downtime it contributed.
 */
import { DateTime } from 'luxon';
import type { Instant } from '../time';
import { err, ok, type Result } from '../result';
import { isRecord } from '../json';
import { codedErrors, INVALID, report, type Invalid, type ParseIssue, type Parser, type PathPart } from '../json/parse';
import { computeUptime, DEFAULT_CREDIT_THRESHOLDS, type CreditThreshold } from './uptime';
import { outagesFor, type OutageRecord } from './outages';

export interface CreditRules {
  /** The guaranteed monthly uptime, e.g. 99.9. */
  targetPercent: number;
  /** Each rule: uptime strictly below `below` earns `creditDays`; the largest earned credit applies. */
  thresholds: CreditThreshold[];
}

export const DEFAULT_CREDIT_RULES: CreditRules = { targetPercent: 99.9, thresholds: DEFAULT_CREDIT_THRESHOLDS.map((t) => ({ ...t })) };
export const MAX_CREDIT_RULES = 10;

export type CreditRuleErrorCode = 'CRD_MALFORMED' | 'CRD_BAD_TARGET' | 'CRD_BAD_THRESHOLD' | 'CRD_BAD_DAYS' | 'CRD_DUPLICATE_THRESHOLD' | 'CRD_TOO_MANY';

export interface CreditRuleError {
  code: CreditRuleErrorCode;
  path: string;
  message: string;
}

const isPercent = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 100;

/** The parsers of credit rules, in the core's one validation style (json/parse.ts). */
const target: Parser<number> = (value, path, issues) =>
  isPercent(value) ? value : report(issues, path, 'The target is a percentage above 0 and at most 100.', 'CRD_BAD_TARGET');

const creditDays: Parser<number> = (value, path, issues) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 366
    ? value
    : report(issues, path, 'Credit is a whole number of days from 0 to 366.', 'CRD_BAD_DAYS');

/** Thresholds are percentages, each starting a rule of its own (no two rules below the same uptime). */
function thresholds(list: readonly unknown[], path: PathPart[], issues: ParseIssue[]): CreditThreshold[] | Invalid {
  const before = issues.length;
  if (list.length > MAX_CREDIT_RULES) report(issues, path, `At most ${MAX_CREDIT_RULES} rules.`, 'CRD_TOO_MANY');
  const seen = new Set<number>();
  const out: CreditThreshold[] = [];
  list.forEach((raw, i) => {
    const t = isRecord(raw) ? raw : {};
    const at = [...path, i];
    const below = t.below;
    if (!isPercent(below)) report(issues, [...at, 'below'], 'A threshold is a percentage above 0 and at most 100.', 'CRD_BAD_THRESHOLD');
    else if (seen.has(below)) report(issues, [...at, 'below'], `Another rule already starts below ${below}%.`, 'CRD_DUPLICATE_THRESHOLD');
    else seen.add(below);
    const days = creditDays(t.creditDays, [...at, 'creditDays'], issues);
    if (isPercent(below) && days !== INVALID) out.push({ below, creditDays: days });
  });
  return issues.length === before ? out : INVALID;
}

/**
 * Validates credit rules as edited by an admin; thresholds come back sorted from the highest.
 * @example validateCreditRules({ targetPercent: 99.9, thresholds: [{ below: 99.9, creditDays: 7 }] }).ok // true
 */
export function validateCreditRules(input: unknown): Result<CreditRules, CreditRuleError[]> {
  if (!isRecord(input) || !Array.isArray(input.thresholds)) return err([{ code: 'CRD_MALFORMED', path: '', message: 'Rules need a target and a list of thresholds.' }]);
  const issues: ParseIssue[] = [];
  const targetPercent = target(input.targetPercent, ['targetPercent'], issues);
  const rules = thresholds(input.thresholds, ['thresholds'], issues);
  if (issues.length > 0 || targetPercent === INVALID || rules === INVALID) return err(codedErrors<CreditRuleErrorCode>(issues, 'CRD_MALFORMED'));
  return ok({ targetPercent, thresholds: rules.sort((a, b) => b.below - a.below) });
}

/** [start, end) of a "YYYY-MM" month in a zone; null for a malformed month or unknown zone. */
export function monthBounds(month: string, timeZone: string): { start: Instant; end: Instant } | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: timeZone });
  if (!first.isValid) return null;
  return { start: first.toMillis(), end: first.plus({ months: 1 }).toMillis() };
}

/** One outage as evidence: its part inside the month, and the downtime it adds beyond earlier outages. */
export interface OutageEvidence {
  outage: OutageRecord;
  countedFrom: Instant;
  countedTo: Instant;
  /** Downtime not already covered by an outage that started earlier: the column sums to downtimeMs. */
  addedMs: number;
}

export interface CreditStatement {
  service: string;
  customer: string | null;
  month: string;
  timeZone: string;
  periodStart: Instant;
  periodEnd: Instant;
  downtimeMs: number;
  uptimePercent: number;
  targetPercent: number;
  meetsTarget: boolean;
  creditDays: number;
  /** The rule that gave the credit, or null when none applies. */
  appliedRule: CreditThreshold | null;
  evidence: OutageEvidence[];
}

function evidenceOf(outages: readonly OutageRecord[], start: Instant, end: Instant): OutageEvidence[] {
  const inMonth = outages
    .filter((o) => o.end > start && o.start < end)
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  let coveredTo = start;
  return inMonth.map((outage) => {
    const countedFrom = Math.max(outage.start, start);
    const countedTo = Math.min(outage.end, end);
    const addedMs = Math.max(0, countedTo - Math.max(countedFrom, coveredTo));
    coveredTo = Math.max(coveredTo, countedTo);
    return { outage, countedFrom, countedTo, addedMs };
  });
}

/**
 * The month's uptime of a service (for one customer, or service-wide), the credit the rules give,
 * and the outages behind it. Uptime and credit come from computeUptime; evidence only explains them.
 * @example creditStatement(outages, { service: 'API', customer: null, month: '2026-05', timeZone: 'UTC' }, DEFAULT_CREDIT_RULES)?.creditDays // 7
 */
export function creditStatement(
  outages: readonly OutageRecord[],
  scope: { service: string; customer: string | null; month: string; timeZone: string },
  rules: CreditRules,
): CreditStatement | null {
  const bounds = monthBounds(scope.month, scope.timeZone);
  if (bounds === null) return null;
  const relevant = outagesFor(outages, scope.service, scope.customer);
  const uptime = computeUptime(relevant, bounds.start, bounds.end, rules.thresholds);
  const exact = ((uptime.periodMs - uptime.downtimeMs) / uptime.periodMs) * 100;
  const applied = rules.thresholds.filter((t) => exact < t.below && t.creditDays === uptime.creditDays)[0] ?? null;
  return {
    ...scope,
    periodStart: bounds.start,
    periodEnd: bounds.end,
    downtimeMs: uptime.downtimeMs,
    uptimePercent: uptime.uptimePercent,
    targetPercent: rules.targetPercent,
    meetsTarget: exact >= rules.targetPercent,
    creditDays: uptime.creditDays,
    appliedRule: uptime.creditDays > 0 ? applied : null,
    evidence: evidenceOf(relevant, bounds.start, bounds.end),
  };
}
