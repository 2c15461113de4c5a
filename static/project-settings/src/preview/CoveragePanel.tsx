/**
 * Coverage gaps of the unsaved draft: for each goal, the longest wall-clock wait from a ticket's
 * arrival to its due time over the next 12 months and when it happens, and the hours of the week no
 * calendar covers. Wall-clock days are fine here (unlike business time): this is how long a customer waits.
 */
import { useState } from 'react';
import type { CoverageGoal, DataOf } from '@contract';
import type { PolicySpec } from '@core/browser';
import { call } from '../../../shared/api';
import { formatDateTime, viewerTimeZone, zoneCity } from '../../../shared/format';
import { Button, ErrorState, LoadingState, Notice } from '../../../shared/ui';
import { shownZone, type ShownZone } from './zoneOfCalendar';

type Coverage = DataOf<'settings.coverage'>;
type State = { status: 'idle' | 'loading' } | { status: 'error'; message: string; code: string } | { status: 'ready'; data: Coverage };

const HOUR = 3_600_000;
const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** "4 days 20 h", "6 h 30 min": a wait on the wall clock. */
export function wallWait(ms: number): string {
  const days = Math.floor(ms / (24 * HOUR));
  const hours = Math.floor((ms % (24 * HOUR)) / HOUR);
  const minutes = Math.round((ms % HOUR) / 60_000);
  const parts = [days > 0 ? `${days} day${days === 1 ? '' : 's'}` : '', hours > 0 ? `${hours} h` : '', minutes > 0 ? `${minutes} min` : ''];
  return parts.filter(Boolean).join(' ') || '0 min';
}

/** `zone` names where the instants are shown (see zoneOfCalendar.ts), so a time is never unplaced. */
export function coverageSentence(g: CoverageGoal, zone: ShownZone): string {
  const head = `${g.metricName}, ${g.goalName} (${g.target}) on ${g.calendarName}`;
  if (g.worst === null) return g.target === 'track only' ? `${head}: tracked without a due time.` : `${head}: some tickets would never fall due within the search horizon.`;
  return `${head}: can take up to ${wallWait(g.worst.wallMs)}, for a ticket arriving ${formatDateTime(g.worst.arrival, zone.zone)} (due ${formatDateTime(g.worst.due, zone.zone)}, ${zone.short}).`;
}

export function CoveragePanel({ policy }: { policy: PolicySpec }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'loading' });
    const res = await call('settings.coverage', { policy });
    setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.error.message, code: res.error.code });
  };
  return (
    <section aria-labelledby="coverage-heading" data-testid="coverage">
      <h3 id="coverage-heading">Coverage gaps</h3>
      <p className="field-help">The longest a customer can wait for each goal over the next 12 months (holidays included), and the hours no calendar covers.</p>
      <Button onClick={() => void run()} data-testid="coverage-run">Check coverage</Button>
      {state.status === 'loading' && <LoadingState label="Analysing the next 12 months…" />}
      {state.status === 'error' && <ErrorState title="Could not analyse coverage" message={state.message} code={state.code} onRetry={() => void run()} />}
      {state.status === 'ready' && <CoverageResults data={state.data} calendars={policy.calendars} />}
    </section>
  );
}

function CoverageResults({ data, calendars }: { data: Coverage; calendars: PolicySpec['calendars'] }) {
  const { gaps, minutesPerWeek, timeZone } = data.uncovered;
  return (
    <div data-testid="coverage-results">
      <ul>{data.goals.map((g) => <li key={`${g.metricKey}/${g.goalId}/${g.calendarId}`}>{coverageSentence(g, shownZone(calendars, g.calendarId, g.timeZone, viewerTimeZone()))}</li>)}</ul>
      {gaps.length === 0
        ? <Notice tone="success">Every hour of the week is covered by at least one calendar.</Notice>
        : (
          <Notice tone="warning" testId="coverage-gaps">
            {`${Math.round((minutesPerWeek / 60) * 10) / 10} hours a week no calendar covers (${zoneCity(timeZone)} time): `}
            {gaps.map((g) => `${DAY_NAMES[g.from.weekday]} ${g.from.time} – ${DAY_NAMES[g.to.weekday]} ${g.to.time}`).join('; ')}.
          </Notice>
        )}
    </div>
  );
}
