import { useMemo } from 'react';
import type { BusinessCalendar, Instant, CycleSnapshot } from '@core/browser';
import { colors, space } from '../../shared/ui';
import { formatDuration, formatSoon } from '../../shared/format';
import { cycleSegments, type Segment, type SegmentKind } from './segments';

const COLOR: Record<SegmentKind, string> = {
  running: colors.bgInformationBold,
  paused: colors.bgNeutralBold,
  closed: colors.bgNeutralHovered,
  upcoming: colors.bgInformation,
};

const WORD: Record<SegmentKind, string> = { running: 'counting', paused: 'paused', closed: 'closed', upcoming: 'still ahead' };

/** Recomputed once a minute, not every tick: at this width a minute is below a pixel. */
interface Props { cycle: CycleSnapshot; now: Instant; cal: BusinessCalendar | null; zone: string; testId: string }

export function Timeline({ cycle, now, cal, zone, testId }: Props) {
  const minute = Math.floor(now / 60_000) * 60_000;
  const segments = useMemo(() => cycleSegments(cycle, minute, cal), [cycle, minute, cal]);
  if (segments.length === 0) return null;
  const total = (segments[segments.length - 1] as Segment).to - (segments[0] as Segment).from;
  return (
    <div data-testid={testId} style={{ marginTop: space.s100 }}>
      <div role="img" aria-label={summary(segments)} style={{ display: 'flex', height: '8px', borderRadius: '2px', overflow: 'hidden', gap: '1px' }}>
        {segments.map((s) => (
          <span
            key={`${s.from}-${s.kind}`}
            data-kind={s.kind}
            title={`${WORD[s.kind]} from ${formatSoon(s.from, now, zone)} to ${formatSoon(s.to, now, zone)}: ${formatDuration(s.to - s.from)}`}
            style={{ flexGrow: (s.to - s.from) / total, flexBasis: 0, minWidth: '2px', background: COLOR[s.kind] }}
          />
        ))}
      </div>
      <Ends from={(segments[0] as Segment).from} to={(segments[segments.length - 1] as Segment).to} cycle={cycle} now={now} zone={zone} />
      <Legend kinds={[...new Set(segments.map((s) => s.kind))]} />
    </div>
  );
}

/** The times at both ends of the bar, so the picture reads as a schedule: "Started Mon 09:12 … Due Mon 13:00". */
function Ends({ from, to, cycle, now, zone }: { from: Instant; to: Instant; cycle: CycleSnapshot; now: Instant; zone: string }) {
  const end = cycle.stoppedAt !== null ? 'Stopped' : cycle.dueAt !== null && cycle.dueAt > now ? 'Due' : 'Now';
  return (
    <div data-testid="timeline-ends" style={{ display: 'flex', justifyContent: 'space-between', gap: space.s100, fontSize: '11px', color: colors.textSubtle, marginTop: '2px' }}>
      <span>Started {formatSoon(from, now, zone)}</span>
      <span>{end} {formatSoon(to, now, zone)}</span>
    </div>
  );
}

function Legend({ kinds }: { kinds: SegmentKind[] }) {
  return (
    <div aria-hidden="true" style={{ display: 'flex', flexWrap: 'wrap', gap: space.s150, fontSize: '11px', color: colors.textSubtle, marginTop: '2px' }}>
      <span>This cycle:</span>
      {kinds.map((k) => (
        <span key={k} style={{ display: 'inline-flex', alignItems: 'center', gap: '4px' }}>
          <span style={{ width: '8px', height: '8px', borderRadius: '2px', background: COLOR[k], display: 'inline-block' }} />
          {WORD[k]}
        </span>
      ))}
    </div>
  );
}

function summary(segments: Segment[]): string {
  const totals = new Map<SegmentKind, number>();
  for (const s of segments) totals.set(s.kind, (totals.get(s.kind) ?? 0) + (s.to - s.from));
  const parts = [...totals].map(([k, ms]) => `${formatDuration(ms)} ${WORD[k]}`);
  return `Current cycle: ${parts.join(', ')}`;
}
