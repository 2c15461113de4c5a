/**
 * The packed form of a report shard. A report reads every shard of 14 months, so what it costs is
 * bytes and objects: an object per issue and an array per cycle made each read a large JSON tree
 * (parsed, metered in 10 KB read units and garbage-collected). Packed, a shard is two values: a
 * table of its distinct strings (issue ids and keys, priority, metric and goal ids, JSON-escaped
 * as any string) and one text of integers in base 36, times relative to the shard's UTC month. Under
 * half the bytes, and a few objects instead of hundreds of thousands.
 *
 * Text grammar: issues joined by "~", each `id,key,priority` then ";"-separated cycles
 * `metric,goal,start,stop,elapsed,goalMs,met,breachedAt`; ids are indexes into the string table,
 * an empty field is null. Base-36 digits, "-" and these separators never need escaping.
 */
import type { FiledIssue, PackedCycle } from './reportAggregates';

export interface PackedShardBody {
  /** The string table. */
  s: string[];
  /** The packed issues. */
  t: string;
}

/** Start of a "YYYY-MM" UTC month in epoch ms; the base of the shard's relative times. */
export function monthBase(month: string): number {
  return Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
}

class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  ref(text: string | null): string {
    if (text === null) return '';
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.push(text) - 1;
      this.index.set(text, i);
    }
    return i.toString(36);
  }
}

const TILDE = 126;
const num = (n: number | null, base = 0): string => (n === null ? '' : (n - base).toString(36));

export function encodeShard(month: string, issues: ReadonlyMap<string, FiledIssue>): PackedShardBody {
  const strings = new StringTable();
  const base = monthBase(month);
  const parts: string[] = [];
  for (const [id, filed] of issues) {
    if (filed.c.length === 0) continue;
    const cycles = filed.c.map(([m, g, start, stop, elapsed, goalMs, met, breachedAt]) =>
      [strings.ref(m), strings.ref(g), num(start, base), num(stop, base), num(elapsed), num(goalMs), String(met), num(breachedAt, base)].join(','));
    parts.push([[strings.ref(id), strings.ref(filed.k), strings.ref(filed.p)].join(','), ...cycles].join(';'));
  }
  return { s: strings.list, t: parts.join('~') };
}

/** Thrown only for a body this codec did not write: stored data is never guessed at. */
function corrupt(month: string): Error {
  return new Error(`report shard of ${month} is not in the packed form`);
}

const MINUS = 45;

/**
 * Reads the packed text field by field without cutting it into substrings: a report decodes
 * hundreds of thousands of fields, and a string per field was most of its time and garbage.
 */
class Scanner {
  pos = 0;
  constructor(private readonly text: string, private readonly strings: readonly string[]) {}

  /** The base-36 integer up to the next separator (consumed), or null for an empty field. */
  int(base = 0): number | null {
    const t = this.text;
    let i = this.pos;
    const negative = t.charCodeAt(i) === MINUS;
    if (negative) i++;
    let n = 0;
    let digits = 0;
    for (; i < t.length; i++, digits++) {
      const c = t.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (d < 0) break;
      n = n * 36 + d;
    }
    this.pos = i + 1;
    return digits === 0 ? null : (negative ? -n : n) + base;
  }

  str(): string | null {
    const i = this.int();
    return i === null ? null : this.strings[i] ?? null;
  }

  /** The separator just consumed. */
  last(): number {
    return this.text.charCodeAt(this.pos - 1);
  }

  done(): boolean {
    return this.pos >= this.text.length;
  }
}

/** Reads one cycle into `into` (reused across cycles, so a scan allocates nothing per cycle). */
function readCycle(r: Scanner, base: number, month: string, into: PackedCycle): void {
  const metric = r.str();
  into[1] = r.str();
  const start = r.int(base);
  const stop = r.int(base);
  const elapsed = r.int();
  into[5] = r.int();
  into[6] = r.int() === 1 ? 1 : 0;
  into[7] = r.int(base);
  if (metric === null || start === null || stop === null || elapsed === null) throw corrupt(month);
  into[0] = metric;
  into[2] = start;
  into[3] = stop;
  into[4] = elapsed;
}

/** Sees one stored cycle; `cycle` is reused for the next one, so copy it to keep it. */
export type CycleVisit = (issueId: string, key: string, priorityId: string | null, cycle: Readonly<PackedCycle>) => void;

/** Calls `visit` for every packed cycle, in stored order. */
export function scanShard(month: string, body: PackedShardBody, visit: CycleVisit): void {
  const base = monthBase(month);
  const r = new Scanner(body.t, body.s);
  const cycle: PackedCycle = ['', null, 0, 0, 0, null, 0, null];
  while (!r.done()) {
    const id = r.str();
    const key = r.str();
    const priority = r.str();
    if (id === null || key === null) throw corrupt(month);
    while (r.last() !== TILDE && !r.done()) {
      readCycle(r, base, month, cycle);
      visit(id, key, priority, cycle);
    }
  }
}

/** Every packed issue with its cycles, in stored order (an issue without cycles is not stored). */
export function decodeShard(month: string, body: PackedShardBody): Map<string, FiledIssue> {
  const out = new Map<string, FiledIssue>();
  scanShard(month, body, (id, k, p, cycle) => {
    const filed = out.get(id) ?? { k, p, c: [] };
    filed.c.push([...cycle]);
    out.set(id, filed);
  });
  return out;
}
