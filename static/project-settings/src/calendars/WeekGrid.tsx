/** The weekly hours grid: each weekday holds any number of local opening intervals. */
import { WEEKDAYS, type TimeRange, type Weekday, type WeeklyCalendarSpec } from '@core/browser';
import { removeAt, replaceAt } from '../model/edit';
import { Button } from '../../../shared/ui';
import { Field, IssuesAt } from '../ui/Field';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export function timeError(value: string): string | null {
  return TIME.test(value) ? null : 'Use 24-hour time such as 09:00, 17:30 or 24:00.';
}

interface WeekGridProps {
  week: WeeklyCalendarSpec['week'];
  path: string;
  onChange: (week: WeeklyCalendarSpec['week']) => void;
}

export function WeekGrid({ week, path, onChange }: WeekGridProps) {
  const setDay = (day: Weekday, ranges: TimeRange[]) => onChange({ ...week, [day]: ranges });
  const copyMonday = () => {
    const mon = week.mon ?? [];
    onChange({ ...week, tue: mon, wed: mon, thu: mon, fri: mon });
  };
  return (
    <fieldset className="week-grid">
      <legend>Weekly hours</legend>
      <p className="field-help">Opening hours in the calendar's time zone. A day without hours is closed. An interval ending before it starts runs past midnight (22:00–06:00); use 00:00–24:00 for the whole day.</p>
      {WEEKDAYS.map((day) => (
        <DayRow key={day} day={day} ranges={week[day] ?? []} path={`${path}.${day}`} onChange={(r) => setDay(day, r)} />
      ))}
      <Button appearance="subtle" onClick={copyMonday}>Copy Monday's hours to Tuesday–Friday</Button>
    </fieldset>
  );
}

interface DayRowProps { day: Weekday; ranges: TimeRange[]; path: string; onChange: (r: TimeRange[]) => void }

function DayRow({ day, ranges, path, onChange }: DayRowProps) {
  const add = () => {
    const last = ranges[ranges.length - 1];
    onChange([...ranges, last ? { start: last.end, end: last.end } : { start: '09:00', end: '17:00' }]);
  };
  return (
    <div className="day-row" data-testid={`day-${day}`}>
      <div className="day-name">{DAY_NAMES[day]}</div>
      <div className="day-ranges">
        {ranges.length === 0 && <span className="muted">Closed</span>}
        {ranges.map((r, i) => (
          <RangeEditor key={i} label={`${DAY_NAMES[day]} interval ${i + 1}`} range={r} path={`${path}[${i}]`}
            onChange={(next) => onChange(replaceAt(ranges, i, next))} onRemove={() => onChange(removeAt(ranges, i))} />
        ))}
      </div>
      <Button appearance="subtle" onClick={add} aria-label={`Add hours on ${DAY_NAMES[day]}`}>+ Hours</Button>
    </div>
  );
}

interface RangeEditorProps { label: string; range: TimeRange; path: string; onChange: (r: TimeRange) => void; onRemove: () => void }

/** One opening interval; problems with the interval as a whole (empty, overlapping) show inside its group. */
export function RangeEditor({ label, range, path, onChange, onRemove }: RangeEditorProps) {
  return (
    <div className="range" role="group" aria-label={label}>
      <Field label={`${label} opens`} hideLabel path={`${path}.start`} localError={timeError(range.start)} render={(p) => (
        <input {...p} className="input input-time" value={range.start} placeholder="09:00" onChange={(e) => onChange({ ...range, start: e.target.value })} />
      )} />
      <span aria-hidden="true">–</span>
      <Field label={`${label} closes`} hideLabel path={`${path}.end`} localError={timeError(range.end)} render={(p) => (
        <input {...p} className="input input-time" value={range.end} placeholder="17:00" onChange={(e) => onChange({ ...range, end: e.target.value })} />
      )} />
      <Button appearance="subtle" className="icon-button" aria-label={`Remove ${label}`} onClick={onRemove}>×</Button>
      <IssuesAt path={path} />
    </div>
  );
}
