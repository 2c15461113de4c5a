/** Recorded outages of a service (optionally of one customer of it): validation and selection. */
import type { Instant } from '../time';
import { err, ok, type Result } from '../result';
import { isRecord } from '../json';
import { codedErrors, INVALID, report, type ParseIssue, type Parser, type PathPart } from '../json/parse';

export interface OutageRecord {
  id: string;
  service: string;
  /** null: the whole service was down for everybody; else only this customer was affected. */
  customer: string | null;
  start: Instant;
  end: Instant;
  description: string;
}

export type OutageErrorCode = 'OUT_MALFORMED' | 'OUT_BAD_SERVICE' | 'OUT_BAD_INSTANT' | 'OUT_END_NOT_AFTER_START' | 'OUT_TOO_LONG';

export interface OutageError {
  code: OutageErrorCode;
  path: string;
  message: string;
}

/** Longest accepted outage and description: a typo of a year should not wipe out a decade. */
export const MAX_OUTAGE_MS = 366 * 86_400_000;
export const MAX_DESCRIPTION_LENGTH = 2000;
const MAX_NAME_LENGTH = 120;

function instantOf(value: unknown): Instant | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/[zZ]|[+-]\d\d:?\d\d$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function nameOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.trim().length <= MAX_NAME_LENGTH ? value.trim() : null;
}

/** The parsers of an outage's fields, in the core's one validation style (json/parse.ts). */
const service: Parser<string> = (value, path, issues) =>
  nameOf(value) ?? report(issues, path, `A service name of 1–${MAX_NAME_LENGTH} characters is required.`, 'OUT_BAD_SERVICE');

const customer: Parser<string | null> = (value, path, issues) =>
  value === undefined || value === null ? null : nameOf(value) ?? report(issues, path, `A customer is empty (the whole service) or 1–${MAX_NAME_LENGTH} characters.`, 'OUT_BAD_SERVICE');

const instant = (label: 'Start' | 'End'): Parser<Instant> => (value, path, issues) =>
  instantOf(value) ?? report(issues, path, `${label} must be an ISO-8601 instant with an offset, or epoch ms.`, 'OUT_BAD_INSTANT');

const description: Parser<string> = (value, path, issues) => {
  const text = value ?? '';
  return typeof text === 'string' && text.length <= MAX_DESCRIPTION_LENGTH ? text : report(issues, path, `Description must be text of at most ${MAX_DESCRIPTION_LENGTH} characters.`, 'OUT_MALFORMED');
};

/** The end after the start, and at most MAX_OUTAGE_MS later; both reported at `end`. */
function checkSpan(start: Instant, end: Instant, path: PathPart[], issues: ParseIssue[]): void {
  if (end <= start) report(issues, path, 'End must be after start.', 'OUT_END_NOT_AFTER_START');
  if (end - start > MAX_OUTAGE_MS) report(issues, path, 'An outage may last at most 366 days.', 'OUT_TOO_LONG');
}

/**
 * Validates an outage as entered by an admin; the id is assigned by the caller. Problems come in
 * field order: service, customer, start, end (then the span), description.
 * @example validateOutage({ service: 'API', start: '2026-05-01T10:00:00Z', end: '2026-05-01T11:00:00Z' }, 'o1').ok // true
 */
export function validateOutage(input: unknown, id: string): Result<OutageRecord, OutageError[]> {
  if (!isRecord(input)) return err([{ code: 'OUT_MALFORMED', path: '', message: 'An outage must be an object.' }]);
  const issues: ParseIssue[] = [];
  const name = service(input.service, ['service'], issues);
  const who = customer(input.customer, ['customer'], issues);
  const start = instant('Start')(input.start, ['start'], issues);
  const end = instant('End')(input.end, ['end'], issues);
  if (start !== INVALID && end !== INVALID) checkSpan(start, end, ['end'], issues);
  const text = description(input.description, ['description'], issues);
  if (issues.length > 0 || name === INVALID || who === INVALID || start === INVALID || end === INVALID || text === INVALID) {
    return err(codedErrors<OutageErrorCode>(issues, 'OUT_MALFORMED'));
  }
  return ok({ id, service: name, customer: who, start, end, description: text });
}

/**
 * The outages that count against a service for a customer: service-wide ones always, customer ones
 * only for that customer. A service-level statement (customer null) counts service-wide outages only,
 * since one customer's outage is not downtime for everybody.
 */
export function outagesFor(outages: readonly OutageRecord[], service: string, customer: string | null): OutageRecord[] {
  return outages.filter((o) => o.service === service && (o.customer === null || o.customer === customer));
}
