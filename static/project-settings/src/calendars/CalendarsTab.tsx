/** The Calendars section: the project's business-hours calendars, which goals then refer to by id. */
import { useState } from 'react';
import type { CalendarSpec, PolicySpec } from '@core/browser';
import { Button } from '../../../shared/ui';
import { removeAt, replaceAt } from '../model/edit';
import { newAlwaysCalendar, newIntersectionCalendar, newUnionCalendar, newWeeklyCalendar } from '../model/defaults';
import { useIssuesUnder } from '../model/issues';
import { LocalProblemsContext } from '../model/localProblems';
import { useProblemRegistry } from '../ui/useProblemRegistry';
import { CalendarEditor } from './CalendarEditor';

interface Props { policy: PolicySpec; onChange: (p: PolicySpec) => void }

/** Goal names that count on `calendarId`, so an admin is not allowed to pull a calendar from under them. */
export function calendarUsers(policy: PolicySpec, calendarId: string): string[] {
  return policy.metrics.flatMap((m) => m.goals
    .filter((g) => g.calendar.kind === 'fixed' ? g.calendar.calendarId === calendarId
      : g.calendar.fallbackCalendarId === calendarId || Object.values(g.calendar.map).includes(calendarId))
    .map((g) => `${m.name} – ${g.name}`));
}

export function CalendarsTab({ policy, onChange }: Props) {
  const [openId, setOpenId] = useState<string | null>(policy.calendars[0]?.id ?? null);
  const calendars = policy.calendars;
  const ids = calendars.map((c) => c.id);
  const setCalendars = (next: CalendarSpec[]) => onChange({ ...policy, calendars: next });
  const add = (c: CalendarSpec) => { setCalendars([...calendars, c]); setOpenId(c.id); };
  const weekly = calendars.filter((c) => c.kind === 'weekly');
  return (
    <section aria-labelledby="calendars-heading">
      <h2 id="calendars-heading">Calendars</h2>
      <p className="field-help">A calendar says when the SLA clock runs. Each goal picks one calendar; outside its hours the clock stops.</p>
      {calendars.length === 0 && <p className="muted">No calendars yet. Add business hours to start.</p>}
      {calendars.map((c, i) => (
        <CalendarCard key={c.id} calendar={c} index={i} policy={policy} open={openId === c.id}
          onToggle={() => setOpenId(openId === c.id ? null : c.id)}
          onChange={(n) => setCalendars(replaceAt(calendars, i, n))} onRemove={() => setCalendars(removeAt(calendars, i))} />
      ))}
      <div className="row">
        <Button onClick={() => add(newWeeklyCalendar(ids))}>+ Business hours</Button>
        <Button onClick={() => add(newAlwaysCalendar(ids))}>+ 24x7</Button>
        <Button onClick={() => add(newUnionCalendar(ids, weekly.slice(0, 2)))}>+ Follow the sun</Button>
        <Button onClick={() => add(newIntersectionCalendar(ids, weekly.slice(0, 2)))} data-testid="add-intersection">+ Open when all are open</Button>
      </div>
    </section>
  );
}

interface CardProps {
  calendar: CalendarSpec; index: number; policy: PolicySpec; open: boolean;
  onToggle: () => void; onChange: (c: CalendarSpec) => void; onRemove: () => void;
}

function CalendarCard({ calendar, index, policy, open, onToggle, onChange, onRemove }: CardProps) {
  const path = `calendars[${index}]`;
  const problems = useIssuesUnder(path).length;
  const local = useProblemRegistry();
  const users = calendarUsers(policy, calendar.id);
  // A calendar with problems stays open so its messages (and the controls they point at) are visible;
  // one with a field that does not parse stays mounted too, so the save bar keeps counting that field.
  const toFix = problems + local.count;
  const expanded = open || toFix > 0;
  return (
    <div className="card">
      <div className="card-head">
        <Button appearance="subtle" aria-expanded={expanded} onClick={onToggle}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> <span className="card-title">{calendar.name}</span>
        </Button>
        {toFix > 0 && <span className="badge-error">{toFix} to fix</span>}
        <span className="muted">{users.length > 0 ? `Used by ${users.join(', ')}` : 'Not used by any goal'}</span>
        <Button appearance="subtle" disabled={users.length > 0} onClick={onRemove}
          title={users.length > 0 ? 'Point those goals at another calendar first.' : undefined}>Delete calendar</Button>
      </div>
      <LocalProblemsContext.Provider value={local.registry}>
        {expanded && <CalendarEditor calendar={calendar} path={path} library={policy.calendars} onChange={onChange} />}
      </LocalProblemsContext.Provider>
    </div>
  );
}
