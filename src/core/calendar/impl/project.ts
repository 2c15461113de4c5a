import type { CalendarSpec } from '../types';
import type { HolidayProvider } from './provider';
import { clip, intersect, normalize, subtract, union, type Segment } from './segments';
import { parseInstant } from './validate-parts';
import { weeklyProjector } from './weekly';
import { yearStart } from '../../time';

export type Projector = (year: number) => readonly Segment[];

function memoize(project: Projector): Projector {
  const cache = new Map<number, readonly Segment[]>();
  return (year) => {
    let segments = cache.get(year);
    if (!segments) {
      segments = project(year);
      cache.set(year, segments);
    }
    return segments;
  };
}

export function exclusionSegments(spec: CalendarSpec): Segment[] {
  return normalize((spec.exclusions ?? []).map((x) => [parseInstant(x.start) ?? 0, parseInstant(x.end) ?? 0] as const));
}

/**
 * The open segments of a validated spec, per UTC year. Composite members are projected with
 * their own zones and exclusions, then combined; the composite's own exclusions apply last.
 * Without exclusions, no member's exclusions apply either.
 */
export function projectorFor(spec: CalendarSpec, provider: HolidayProvider, withExclusions = true): Projector {
  const exclusions = withExclusions ? exclusionSegments(spec) : [];
  if (spec.kind === 'weekly') return memoize(weeklyProjector(spec, provider, exclusions));
  if (spec.kind === 'always') {
    return memoize((year) => subtract([[yearStart(year), yearStart(year + 1)]], exclusions));
  }
  const members = spec.members.map((m) => projectorFor(m, provider, withExclusions));
  const combine = spec.kind === 'union'
    ? (sets: (readonly Segment[])[]) => union(sets)
    : (sets: (readonly Segment[])[]) => sets.slice(1).reduce<readonly Segment[]>((acc, s) => intersect(acc, s), sets[0] ?? []);
  return memoize((year) => clip(subtract(combine(members.map((p) => p(year))), exclusions), yearStart(year), yearStart(year + 1)));
}

/** The zone business days are counted in: a composite uses its first member's. */
export function referenceZone(spec: CalendarSpec): string {
  if (spec.kind === 'weekly') return spec.timeZone;
  if (spec.kind === 'always') return spec.timeZone ?? 'UTC';
  const first = spec.members[0];
  return first ? referenceZone(first) : 'UTC';
}
