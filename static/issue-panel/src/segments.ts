/**
 * Segments of the current cycle for the compact timeline: when the clock ran, when a condition
 * paused it, when the calendar was closed, and (for a running clock) the open time still ahead
 * until the due instant. Drawn from the engine's open windows, so it matches the countdown.
 */
import type { BusinessCalendar, Instant, OpenWindow, CycleSnapshot } from '@core/browser';

export type SegmentKind = 'running' | 'paused' | 'closed' | 'upcoming';

export interface Segment { kind: SegmentKind; from: Instant; to: Instant }

/** Long cycles are summarised: beyond this many windows the rest is treated as one open stretch. */
const MAX_WINDOWS = 1000;

export function cycleSegments(cycle: CycleSnapshot, now: Instant, cal: BusinessCalendar | null): Segment[] {
  const start = cycle.startedAt;
  const pastEnd = cycle.stoppedAt ?? now;
  const end = cycle.stoppedAt === null && cycle.dueAt !== null && cycle.dueAt > now ? cycle.dueAt : pastEnd;
  if (end <= start) return [];
  const windows = cal ? collectWindows(cal, start, end) : [{ start, end }];
  const pauses = cycle.pauses.map((p) => ({ start: p.from, end: p.to ?? pastEnd }));
  const cuts = boundaries(start, end, pastEnd, windows, pauses);
  const raw: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    raw.push({ kind: kindAt((from + to) / 2, pastEnd, windows, pauses), from, to });
  }
  return merge(raw);
}

function collectWindows(cal: BusinessCalendar, from: Instant, to: Instant): OpenWindow[] {
  const out: OpenWindow[] = [];
  for (const w of cal.openWindows(from, to)) {
    if (out.length >= MAX_WINDOWS) {
      out.push({ start: w.start, end: to });
      break;
    }
    out.push(w);
  }
  return out;
}

function boundaries(start: Instant, end: Instant, pastEnd: Instant, ...lists: OpenWindow[][]): number[] {
  const set = new Set<number>([start, end]);
  if (pastEnd > start && pastEnd < end) set.add(pastEnd);
  for (const list of lists) {
    for (const w of list) {
      if (w.start > start && w.start < end) set.add(w.start);
      if (w.end > start && w.end < end) set.add(w.end);
    }
  }
  return [...set].sort((a, b) => a - b);
}

const inside = (list: OpenWindow[], t: number) => list.some((w) => w.start <= t && t < w.end);

function kindAt(mid: number, pastEnd: Instant, windows: OpenWindow[], pauses: OpenWindow[]): SegmentKind {
  // A pause condition wins over the calendar: it is the reason the agent can act on.
  if (mid < pastEnd && inside(pauses, mid)) return 'paused';
  if (!inside(windows, mid)) return 'closed';
  return mid < pastEnd ? 'running' : 'upcoming';
}

function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.kind === s.kind && last.to === s.from) last.to = s.to;
    else out.push({ ...s });
  }
  return out;
}
