/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import type { BusinessCalendar, CalendarSpec } from '@core/browser';
import { useCalendars } from '../../../static/issue-panel/src/useCalendars';
import { officeCalendar, officeSpec } from './fixtures';

const broken: CalendarSpec = { ...officeSpec, id: 'broken' };

describe('compiling the calendars of a panel answer', () => {
  it('compiles each calendar once per answer, leaving out the ones that fail', () => {
    const compile = jest.fn((spec: CalendarSpec): BusinessCalendar | null => (spec.id === 'broken' ? null : officeCalendar()));
    const specs = [officeSpec, broken];
    const { result, rerender } = renderHook(() => useCalendars(specs, compile));
    expect([...result.current.keys()]).toEqual([officeSpec.id]);
    rerender();
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('gives no calendars before an answer arrives', () => {
    const compile = jest.fn(() => officeCalendar());
    const { result } = renderHook(() => useCalendars(null, compile));
    expect(result.current.size).toBe(0);
    expect(compile).not.toHaveBeenCalled();
  });

  it('compiles again when a refresh brings new calendars', () => {
    const compile = jest.fn(() => officeCalendar());
    const { result, rerender } = renderHook(({ specs }) => useCalendars(specs, compile), { initialProps: { specs: [officeSpec] } });
    rerender({ specs: [{ ...officeSpec, id: 'other' }] });
    expect([...result.current.keys()]).toEqual(['other']);
    expect(compile).toHaveBeenCalledTimes(2);
  });
});
