import type { BusinessCalendar, CalendarSpec, Instant, MetricSnapshot } from '@core/browser';
import { colors, Lozenge, ProgressBar, radius, space } from '../../shared/ui';
import { formatDateTime, sameWallClock, zoneCity } from '../../shared/format';
import { cycleLine, goalInWords, STATE_LABEL, statusLine } from './describe';
import { liveMetric, type LiveMetric, type WarningList } from './live';
import { Icon } from './Icon';
import { lookOf } from './look';
import { Timeline } from './Timeline';

export interface MetricCardProps {
  metric: MetricSnapshot;
  evaluatedAt: Instant;
  now: Instant;
  cal: BusinessCalendar | null;
  calendarSpec: CalendarSpec | null;
  warnings: WarningList;
  viewerZone: string;
}

export function MetricCard({ metric, evaluatedAt, now, cal, calendarSpec, warnings, viewerZone }: MetricCardProps) {
  const live = liveMetric(metric, evaluatedAt, now, cal, warnings);
  const label = STATE_LABEL[live.state];
  const look = lookOf(live);
  const id = `sla-metric-${metric.key}`;
  // A 24x7 calendar has no local hours: naming its zone next to the due time adds nothing.
  const calZone = calendarSpec?.kind === 'always' ? null : cal?.timeZone ?? zoneOfSpec(calendarSpec);
  const hasTimeline = metric.current !== null && metric.state !== 'notStarted' && metric.state !== 'notApplicable';
  return (
    <section aria-labelledby={`${id}-name`} data-testid={id} data-state={live.state} data-muted={look.muted} style={{ ...cardStyle, ...(look.muted ? mutedStyle : {}) }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: space.s100, flexWrap: 'wrap' }}>
        <h3 id={`${id}-name`} style={{ margin: 0, fontSize: '14px', fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}>{metric.name}</h3>
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: '4px', color: toneText(live) }}>
          <Icon kind={look.icon} testId={`sla-icon-${metric.key}`} />
          <Lozenge appearance={look.lozenge} testId={`sla-state-${metric.key}`}>{label.text}</Lozenge>
        </span>
      </div>
      <div data-testid={`sla-goal-${metric.key}`} style={{ color: colors.textSubtle, fontSize: '12px' }}>
        {goalInWords(metric, calendarSpec?.name ?? null)}
      </div>
      <div role="timer" aria-live="off" data-testid={`sla-countdown-${metric.key}`} data-ticking={live.ticking} style={{ fontWeight: 600, marginTop: space.s050, color: toneText(live) }}>
        {statusLine(live, now, viewerZone)}
      </div>
      {live.progress !== null && (
        <div style={{ marginTop: space.s050 }}>
          <ProgressBar value={live.progress} label={`${metric.name}: share of the goal used`} appearance={look.bar} valueText={`${Math.round(live.progress * 100)}% of the goal used`} testId={`sla-progress-${metric.key}`} />
        </div>
      )}
      <DueLine metric={metric} live={live} viewerZone={viewerZone} calZone={calZone} />
      {hasTimeline && metric.current && <Timeline cycle={metric.current} now={now} cal={cal} zone={viewerZone} testId={`sla-timeline-${metric.key}`} />}
      <CompletedCycles metric={metric} />
    </section>
  );
}

function DueLine({ metric, live, viewerZone, calZone }: { metric: MetricSnapshot; live: LiveMetric; viewerZone: string; calZone: string | null }) {
  const stoppedAt = metric.current?.stoppedAt ?? null;
  const at = stoppedAt ?? live.dueAt;
  if (at === null) return null;
  const verb = stoppedAt !== null ? 'Completed' : live.breachedByMs !== null ? 'Was due' : 'Due';
  const other = calZone && !sameWallClock(viewerZone, calZone, at) ? ` (${formatDateTime(at, calZone)} ${zoneCity(calZone)})` : '';
  return (
    <div data-testid={`sla-due-${metric.key}`} style={{ fontSize: '12px', color: colors.textSubtle, marginTop: space.s050 }}>
      {verb} {formatDateTime(at, viewerZone)}{other}
    </div>
  );
}

function CompletedCycles({ metric }: { metric: MetricSnapshot }) {
  const done = metric.cycles.filter((c) => c.stoppedAt !== null && c !== metric.current);
  if (done.length === 0) return null;
  return (
    <details data-testid={`sla-cycles-${metric.key}`} style={{ marginTop: space.s100, fontSize: '12px' }}>
      <summary style={{ cursor: 'pointer', color: colors.textSubtle }}>Completed cycles ({done.length})</summary>
      <ol style={{ margin: `${space.s050} 0 0`, paddingLeft: space.s200 }}>
        {done.map((c) => <li key={c.startedAt}>{cycleLine(c)}</li>)}
      </ol>
    </details>
  );
}

function zoneOfSpec(spec: CalendarSpec | null): string | null {
  if (!spec) return null;
  if (spec.kind === 'weekly') return spec.timeZone;
  if (spec.kind === 'always') return spec.timeZone ?? null;
  return spec.members[0] ? zoneOfSpec(spec.members[0]) : null;
}

function toneText(live: LiveMetric): string {
  if (live.state === 'paused') return colors.textSubtle;
  if (live.tone === 'danger') return colors.textDanger;
  if (live.tone === 'warning') return colors.textWarning;
  if (live.tone === 'success') return colors.textSuccess;
  return colors.text;
}

/** Paused: a grey edge and a subdued surface, like JSM's paused SLA. */
const mutedStyle = { borderLeft: `3px solid ${colors.bgNeutralBold}`, background: colors.surface } as const;

const cardStyle = {
  border: `1px solid ${colors.border}`, borderRadius: radius, padding: space.s150, background: colors.surfaceRaised, display: 'flex', flexDirection: 'column',
} as const;
