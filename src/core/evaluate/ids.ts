/**
 * Order of history item ids at one instant. Ids are a Jira changelog-history id and an item index
 * ("10231#2"); comments have their own ids. Each '#'-separated part is compared in turn: numeric
 * parts by value, numeric parts before non-numeric ones, others as text. Allocation-free: this runs
 * for every item of every evaluated history.
 */

const ZERO = 48;
const NINE = 57;
const HASH = 35;

function partEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) === HASH) return i;
  return s.length;
}

function isNumber(s: string, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

function skipZeros(s: string, from: number, to: number): number {
  let i = from;
  while (i < to - 1 && s.charCodeAt(i) === ZERO) i++;
  return i;
}

/** Text order of a[ai, ae) and b[bi, be), a prefix first (as `<` on strings). */
function compareText(a: string, ai: number, ae: number, b: string, bi: number, be: number): number {
  const n = Math.min(ae - ai, be - bi);
  for (let k = 0; k < n; k++) {
    const d = a.charCodeAt(ai + k) - b.charCodeAt(bi + k);
    if (d !== 0) return d;
  }
  return ae - ai - (be - bi);
}

function comparePart(a: string, ai: number, ae: number, b: string, bi: number, be: number): number {
  const an = isNumber(a, ai, ae);
  if (an !== isNumber(b, bi, be)) return an ? -1 : 1;
  if (!an) return compareText(a, ai, ae, b, bi, be);
  const as = skipZeros(a, ai, ae);
  const bs = skipZeros(b, bi, be);
  // Digits only, no leading zeros: the longer number is the larger; equal lengths compare as text.
  return ae - as !== be - bs ? ae - as - (be - bs) : compareText(a, as, ae, b, bs, be);
}

/** The leading part as a number when it is 1–15 digits (exact in a double), else -1. */
function headNumber(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === HASH) return i === 0 ? -1 : v;
    if (c < ZERO || c > NINE || i >= 15) return -1;
    v = v * 10 + (c - ZERO);
  }
  return s.length === 0 ? -1 : v;
}

/**
 * "10231#2" < "10231#10" < "10232#0" < "abc"; ids equal part by part ("010" and "10") fall back to
 * text order, so the order is total and never depends on input order.
 * @example ["10232#0", "10231#10"].sort(compareIds) // ["10231#10", "10232#0"]
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path: Jira ids almost always differ in a numeric history id.
  const x = headNumber(a);
  const y = headNumber(b);
  if (x >= 0 && y >= 0 && x !== y) return x - y;
  let ai = 0;
  let bi = 0;
  for (;;) {
    const ae = partEnd(a, ai);
    const be = partEnd(b, bi);
    const d = comparePart(a, ai, ae, b, bi, be);
    if (d !== 0) return d;
    const aDone = ae >= a.length;
    const bDone = be >= b.length;
    if (aDone || bDone) {
      if (!(aDone && bDone)) return aDone ? -1 : 1;
      return a < b ? -1 : 1;
    }
    ai = ae + 1;
    bi = be + 1;
  }
}
