/** Company holidays: one-off dates ("2026-12-24") or every year ("12-24"), whole or partial days. */
import { useState } from 'react';
import type { CustomHoliday } from '@core/browser';
import { removeAt, replaceAt } from '../model/edit';
import { Button } from '../../../shared/ui';
import { Field } from '../ui/Field';
import { useStableKeys } from '../ui/useStableKeys';
import { timeError } from './WeekGrid';

interface Props { holidays: CustomHoliday[]; path: string; onChange: (h: CustomHoliday[]) => void }

export function CustomHolidays({ holidays, path, onChange }: Props) {
  const add = () => onChange([...holidays, { name: 'Company holiday', month: 12, day: 24 }]);
  const keys = useStableKeys(holidays.length);
  return (
    <fieldset>
      <legend>Company holidays</legend>
      <p className="field-help">Write a date as 2026-12-24 for one year only, or 12-24 for every year. Add hours to close only part of the day (e.g. from 14:00).</p>
      {holidays.map((h, i) => (
        <HolidayRow key={keys.at(i)} holiday={h} path={`${path}[${i}]`} onChange={(n) => onChange(replaceAt(holidays, i, n))}
          onRemove={() => { keys.removed(i); onChange(removeAt(holidays, i)); }} />
      ))}
      <Button appearance="subtle" onClick={add}>+ Company holiday</Button>
    </fieldset>
  );
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

export function holidayDateText(h: CustomHoliday): string {
  return h.date ?? `${pad(h.month)}-${pad(h.day)}`;
}

/** Parses "YYYY-MM-DD" (one-off) or "MM-DD" (yearly); null when neither. */
export function parseHolidayDate(text: string): { date: string } | { month: number; day: number } | null {
  const t = text.trim();
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t)) return { date: t };
  const m = /^(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])$/.exec(t);
  return m ? { month: Number(m[1]), day: Number(m[2]) } : null;
}

interface RowProps { holiday: CustomHoliday; path: string; onChange: (h: CustomHoliday) => void; onRemove: () => void }

function HolidayRow({ holiday, path, onChange, onRemove }: RowProps) {
  const [text, setText] = useState(holidayDateText(holiday));
  const parsed = parseHolidayDate(text);
  const setDate = (value: string) => {
    setText(value);
    const when = parseHolidayDate(value);
    if (when) onChange({ name: holiday.name, ...when, ...(holiday.from ? { from: holiday.from } : {}), ...(holiday.to ? { to: holiday.to } : {}) });
  };
  const setHour = (key: 'from' | 'to', value: string) => {
    const { [key]: _old, ...rest } = holiday;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  return (
    <div className="row" role="group" aria-label={`Company holiday ${holiday.name}`}>
      <Field label="Name" path={`${path}.name`} render={(p) => <input {...p} className="input" value={holiday.name} onChange={(e) => onChange({ ...holiday, name: e.target.value })} />} />
      <Field label="Date" path={`${path}.date`} localError={parsed ? null : 'Use 2026-12-24 (once) or 12-24 (every year).'} render={(p) => (
        <input {...p} className="input input-date" value={text} placeholder="12-24" onChange={(e) => setDate(e.target.value)} />
      )} />
      <Field label="Closed from" path={`${path}.from`} localError={holiday.from ? timeError(holiday.from) : null} render={(p) => (
        <input {...p} className="input input-time" value={holiday.from ?? ''} placeholder="00:00" onChange={(e) => setHour('from', e.target.value)} />
      )} />
      <Field label="until" path={`${path}.to`} localError={holiday.to ? timeError(holiday.to) : null} render={(p) => (
        <input {...p} className="input input-time" value={holiday.to ?? ''} placeholder="24:00" onChange={(e) => setHour('to', e.target.value)} />
      )} />
      <Button appearance="subtle" className="icon-button" aria-label={`Remove company holiday ${holiday.name}`} onClick={onRemove}>×</Button>
    </div>
  );
}
