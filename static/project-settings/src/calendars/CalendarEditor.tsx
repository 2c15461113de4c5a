/** Edits one calendar of any kind; union members are edited recursively with their own paths. */
import type { CalendarSpec, WeeklyCalendarSpec } from '@core/browser';
import { removeAt, replaceAt } from '../model/edit';
import { Button } from '../../../shared/ui';
import { Field, IssuesAt } from '../ui/Field';
import { CustomHolidays } from './CustomHolidays';
import { HolidaySources } from './HolidaySources';
import { Exclusions, Overrides } from './Overrides';
import { WeekGrid } from './WeekGrid';
import { ZonePicker } from './ZonePicker';

interface Props {
  calendar: CalendarSpec;
  path: string;
  /** Other calendars a union may copy in as members. */
  library: readonly CalendarSpec[];
  onChange: (c: CalendarSpec) => void;
}

export const KIND_LABELS: Record<CalendarSpec['kind'], string> = {
  weekly: 'Weekly business hours',
  always: '24x7 (always open)',
  union: 'Follow the sun (open when any member is open)',
  intersection: 'Overlap (open only when all members are open)',
};

export function CalendarEditor({ calendar, path, library, onChange }: Props) {
  return (
    <div className="calendar-editor" data-testid={`calendar-${calendar.id}`}>
      <IssuesAt path={path} />
      <div className="row">
        <Field label="Calendar name" path={`${path}.name`} help={KIND_LABELS[calendar.kind]} render={(p) => (
          <input {...p} className="input" value={calendar.name} onChange={(e) => onChange({ ...calendar, name: e.target.value })} />
        )} />
        {(calendar.kind === 'weekly' || calendar.kind === 'always') && (
          <Field label="Time zone" path={`${path}.timeZone`} help={calendar.kind === 'always' ? 'Used for business days and display only.' : 'Hours below are local to this zone; daylight saving is handled for you.'} render={(p) => (
            <ZonePicker {...p} value={calendar.timeZone ?? 'UTC'} onChange={(timeZone) => onChange({ ...calendar, timeZone })} />
          )} />
        )}
      </div>
      {calendar.kind === 'weekly' && <WeeklyParts calendar={calendar} path={path} onChange={onChange} />}
      {(calendar.kind === 'union' || calendar.kind === 'intersection') && (
        <Members calendar={calendar} path={path} library={library} onChange={onChange} />
      )}
      <Exclusions exclusions={calendar.exclusions ?? []} path={`${path}.exclusions`} zone={calendar.kind === 'weekly' || calendar.kind === 'always' ? calendar.timeZone ?? 'UTC' : 'UTC'} onChange={(exclusions) => onChange({ ...calendar, exclusions })} />
    </div>
  );
}

function WeeklyParts({ calendar, path, onChange }: { calendar: WeeklyCalendarSpec; path: string; onChange: (c: CalendarSpec) => void }) {
  const holidays = calendar.holidays ?? {};
  return (
    <>
      <WeekGrid week={calendar.week} path={`${path}.week`} onChange={(week) => onChange({ ...calendar, week })} />
      <HolidaySources sources={holidays.sources ?? []} path={`${path}.holidays.sources`} onChange={(sources) => onChange({ ...calendar, holidays: { ...holidays, sources } })} />
      <CustomHolidays holidays={holidays.custom ?? []} path={`${path}.holidays.custom`} onChange={(custom) => onChange({ ...calendar, holidays: { ...holidays, custom } })} />
      <Overrides overrides={calendar.overrides ?? []} path={`${path}.overrides`} onChange={(overrides) => onChange({ ...calendar, overrides })} />
    </>
  );
}

type Composite = Extract<CalendarSpec, { members: CalendarSpec[] }>;

function Members({ calendar, path, library, onChange }: { calendar: Composite; path: string; library: readonly CalendarSpec[]; onChange: (c: CalendarSpec) => void }) {
  // A member id may appear once per composite, so calendars already in it are not offered again.
  const candidates = library.filter((c) => c.id !== calendar.id && !calendar.members.some((m) => m.id === c.id));
  const addCopy = (id: string) => {
    const source = candidates.find((c) => c.id === id);
    if (source) onChange({ ...calendar, members: [...calendar.members, structuredCloneSpec(source)] });
  };
  return (
    <fieldset>
      <legend>Member calendars</legend>
      <p className="field-help">E.g. Madrid hours plus New York hours gives follow-the-sun coverage. Members are copies: edit them here.</p>
      {calendar.members.map((m, i) => (
        <details key={i} className="card" open={calendar.members.length < 3}>
          <summary>{m.name} <Button appearance="subtle" onClick={() => onChange({ ...calendar, members: removeAt(calendar.members, i) })}>Remove member</Button></summary>
          <CalendarEditor calendar={m} path={`${path}.members[${i}]`} library={[]} onChange={(n) => onChange({ ...calendar, members: replaceAt(calendar.members, i, n) })} />
        </details>
      ))}
      <Field label="Add a copy of" render={(p) => (
        <select {...p} className="input" value="" onChange={(e) => addCopy(e.target.value)}>
          <option value="">Choose a calendar…</option>
          {candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      )} />
    </fieldset>
  );
}

function structuredCloneSpec(spec: CalendarSpec): CalendarSpec {
  return JSON.parse(JSON.stringify(spec)) as CalendarSpec;
}
