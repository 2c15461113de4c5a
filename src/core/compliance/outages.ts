/** Recorded outages of a service (optionally of one customer of it): validation and selection. */
import type { Instant } from '../time';
import { err, ok, type Result } from '../result';

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

function fieldErrors(o: Record<string, unknown>, start: Instant | null, end: Instant | null): OutageError[] {
  const errors: OutageError[] = [];
  if (nameOf(o['service']) === null) errors.push({ code: 'OUT_BAD_SERVICE', path: 'service', message: `A service name of 1–${MAX_NAME_LENGTH} characters is required.` });
  if (o['customer'] !== undefined && o['customer'] !== null && nameOf(o['customer']) === null) {
    errors.push({ code: 'OUT_BAD_SERVICE', path: 'customer', message: `A customer is empty (the whole service) or 1–${MAX_NAME_LENGTH} characters.` });
  }
  if (start === null) errors.push({ code: 'OUT_BAD_INSTANT', path: 'start', message: 'Start must be an ISO-8601 instant with an offset, or epoch ms.' });
  if (end === null) errors.push({ code: 'OUT_BAD_INSTANT', path: 'end', message: 'End must be an ISO-8601 instant with an offset, or epoch ms.' });
  if (start !== null && end !== null && end <= start) errors.push({ code: 'OUT_END_NOT_AFTER_START', path: 'end', message: 'End must be after start.' });
  if (start !== null && end !== null && end - start > MAX_OUTAGE_MS) errors.push({ code: 'OUT_TOO_LONG', path: 'end', message: 'An outage may last at most 366 days.' });
  const description = o['description'] ?? '';
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH) {
    errors.push({ code: 'OUT_MALFORMED', path: 'description', message: `Description must be text of at most ${MAX_DESCRIPTION_LENGTH} characters.` });
  }
  return errors;
}

/**
 * Validates an outage as entered by an admin; the id is assigned by the caller.
 * @example validateOutage({ service: 'API', start: '2026-05-01T10:00:00Z', end: '2026-05-01T11:00:00Z' }, 'o1').ok // true
 */
export function validateOutage(input: unknown, id: string): Result<OutageRecord, OutageError[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err([{ code: 'OUT_MALFORMED', path: '', message: 'An outage must be an object.' }]);
  }
  const o = input as Record<string, unknown>;
  const start = instantOf(o['start']);
  const end = instantOf(o['end']);
  const errors = fieldErrors(o, start, end);
  if (errors.length > 0 || start === null || end === null) return err(errors);
  const customer = o['customer'] === undefined || o['customer'] === null ? null : nameOf(o['customer']);
  return ok({ id, service: nameOf(o['service']) ?? '', customer, start, end, description: String(o['description'] ?? '') });
}

/**
 * The outages that count against a service for a customer: service-wide ones always, customer ones
 * only for that customer. A service-level statement (customer null) counts service-wide outages only,
 * since one customer's outage is not downtime for everybody.
 */
export function outagesFor(outages: readonly OutageRecord[], service: string, customer: string | null): OutageRecord[] {
  return outages.filter((o) => o.service === service && (o.customer === null || o.customer === customer));
}
