/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { CustomHoliday, ExclusionWindow } from '@core';
import { CustomHolidays } from '../../../static/project-settings/src/calendars/CustomHolidays';
import { Exclusions } from '../../../static/project-settings/src/calendars/Overrides';

jest.setTimeout(20_000);

function HolidaysHarness({ initial }: { initial: CustomHoliday[] }) {
  const [list, setList] = useState(initial);
  return <CustomHolidays holidays={list} path="calendars[0].holidays.custom" onChange={setList} />;
}

function ExclusionsHarness({ onChange }: { onChange: (x: ExclusionWindow[]) => void }) {
  const [list, setList] = useState<ExclusionWindow[]>([{ start: '2026-03-01T21:00:00Z', end: '2026-03-02T01:00:00Z', reason: 'Upgrade' }]);
  return <Exclusions exclusions={list} path="calendars[0].exclusions" zone="Europe/Madrid" onChange={(x) => { setList(x); onChange(x); }} />;
}

describe('form polish', () => {
  it('keeps typed text with its own company holiday when an earlier one is removed', async () => {
    render(<HolidaysHarness initial={[{ name: 'First', month: 1, day: 1 }, { name: 'Second', month: 12, day: 24 }]} />);
    const second = screen.getByRole('group', { name: 'Company holiday Second' });
    const date = within(second).getByLabelText('Date');
    await userEvent.clear(date);
    await userEvent.type(date, '12-2');
    await userEvent.click(screen.getByRole('button', { name: 'Remove company holiday First' }));
    expect(within(screen.getByRole('group', { name: 'Company holiday Second' })).getByLabelText('Date')).toHaveValue('12-2');
  });

  it('picks exclusion windows as date and time in the calendar zone and stores instants', () => {
    const changes: ExclusionWindow[][] = [];
    render(<ExclusionsHarness onChange={(x) => changes.push(x)} />);
    const from = screen.getByLabelText('From (Europe/Madrid)');
    expect(from).toHaveAttribute('type', 'datetime-local');
    expect(from).toHaveValue('2026-03-01T22:00');
    fireEvent.change(from, { target: { value: '2026-03-01T23:30' } });
    expect(changes.at(-1)?.[0]?.start).toBe('2026-03-01T22:30:00Z');
  });
});
