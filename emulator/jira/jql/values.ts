/**
 * JQL value conversion: dates (absolute, relative to now, functions) and the property alias table
 * read from manifest.yml.
 */
import { DateTime } from 'luxon';
import { JqlError } from './lexer';
import type { Value } from './parser';

export type IndexedType = 'string' | 'number' | 'date' | 'text' | 'user';
export interface PropertyIndex { propertyKey: string; path: string; type: IndexedType; alias: string | null }

export interface JqlContext {
  now: number;
  /** The searching user, for currentUser(). */
  accountId: string;
  /** Zone that date literals without an offset are read in (the searching user's). */
  zone: string;
  indexes: PropertyIndex[];
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Jira's relative period: a sign, then one or more amount+unit parts ("-1d", "+2h", "-4w 2d"). */
const RELATIVE_PERIOD = /^([-+]?)\s*((?:\d+[wdhm]\s*)+)$/;

export function isRelativePeriod(text: string): boolean {
  return RELATIVE_PERIOD.test(text.trim());
}

/** The sign applies to the whole period, as in Jira: "-4w 2d" is 30 days ago. */
export function relativeMs(text: string, now: number): number {
  const m = RELATIVE_PERIOD.exec(text.trim());
  if (!m) throw new JqlError('JQL_BAD_VALUE', `The date value '${text}' is not valid.`);
  let amount = 0;
  for (const part of (m[2] ?? '').matchAll(/(\d+)([wdhm])/g)) amount += Number(part[1]) * (UNIT_MS[part[2] ?? 'm'] ?? 0);
  return now + (m[1] === '-' ? -amount : amount);
}

/** A JQL value as an instant: "2026-01-01", "2026-01-01 10:00", ISO with offset, -1d, now(). */
export function toInstant(v: Value, ctx: JqlContext): number {
  if (v.kind === 'relative') return relativeMs(v.text, ctx.now);
  if (v.kind === 'function') return dateFunction(v.name, v.args, ctx);
  if (v.kind === 'empty') throw new JqlError('JQL_BAD_VALUE', 'EMPTY cannot be compared with < or >; use IS EMPTY.');
  if (/^-?\d+$/.test(v.text) && !v.quoted && v.text.length < 6) return relativeMs(`${v.text}m`, ctx.now);
  // Jira reads a quoted relative period like the bare one; quotes are required when it has spaces.
  if (isRelativePeriod(v.text)) return relativeMs(v.text, ctx.now);
  const formats = ['yyyy-MM-dd', 'yyyy/MM/dd', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm'];
  for (const f of formats) {
    const d = DateTime.fromFormat(v.text, f, { zone: ctx.zone });
    if (d.isValid) return d.toMillis();
  }
  const iso = DateTime.fromISO(v.text, { zone: ctx.zone, setZone: true });
  if (iso.isValid) return iso.toMillis();
  throw new JqlError('JQL_BAD_VALUE', `The date value '${v.text}' is not valid; use "yyyy-MM-dd", "yyyy-MM-dd HH:mm" or a relative value like -1d.`);
}

function dateFunction(name: string, args: string[], ctx: JqlContext): number {
  const base = DateTime.fromMillis(ctx.now, { zone: ctx.zone });
  const shifted = args[0] ? DateTime.fromMillis(relativeMs(args[0], ctx.now), { zone: ctx.zone }) : base;
  switch (name) {
    case 'now': return ctx.now;
    case 'startofday': return shifted.startOf('day').toMillis();
    case 'endofday': return shifted.endOf('day').toMillis();
    default: throw new JqlError('JQL_NOT_EMULATED', `not emulated: the JQL function ${name}()`);
  }
}

/** Literal text of a non-date value; functions other than currentUser() are not emulated here. */
export function toText(v: Value, ctx: JqlContext): string {
  if (v.kind === 'literal' || v.kind === 'relative') return v.text;
  if (v.kind === 'function' && v.name === 'currentuser') return ctx.accountId;
  if (v.kind === 'function') throw new JqlError('JQL_NOT_EMULATED', `not emulated: the JQL function ${v.name}() in this position`);
  throw new JqlError('JQL_BAD_VALUE', 'EMPTY is only valid with IS / IS NOT.');
}

/** A stored property value as an instant (ISO string, yyyy-MM-dd or epoch ms). */
export function storedInstant(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw !== 'string') return null;
  const d = DateTime.fromISO(raw, { setZone: true, zone: 'UTC' });
  return d.isValid ? d.toMillis() : null;
}
