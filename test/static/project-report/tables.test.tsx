/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { ComplianceTable, namesOf } from '../../../static/project-report/src/tables';

describe('the compliance table', () => {
  const names = namesOf({ metrics: [{ id: 'response', name: 'Time to first response' }], goals: [{ id: 'l1', name: 'L1 Production down' }] } as never);

  it('names the month, the metric and the goal as a reader says them, with figures as computed', () => {
    render(<ComplianceTable names={names} rows={[{ metricKey: 'response', goalId: 'l1', month: '2026-11', met: 3, breached: 2, percentMet: 60, medianToMeetMs: 900_000, p90ToMeetMs: 1_800_000 }]} />);
    const cells = within(screen.getByTestId('compliance-row')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['November 2026', 'Time to first response', 'L1 Production down', '3', '2', '60%', '15 m', '30 m']);
  });
});
