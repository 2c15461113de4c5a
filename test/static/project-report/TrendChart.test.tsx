/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { TrendChart } from '../../../static/project-report/src/TrendChart';

describe('the report trend chart', () => {
  it('draws one line per metric with a point for each month that has figures', () => {
    const points = [
      { month: '2026-01', metricKey: 'response', met: 9, breached: 1, percentMet: 90 },
      { month: '2026-03', metricKey: 'response', met: 1, breached: 1, percentMet: 50 },
      { month: '2026-02', metricKey: 'resolution', met: 2, breached: 0, percentMet: 100 },
    ];
    const { container } = render(<TrendChart points={points} months={['2026-01', '2026-02', '2026-03']} names={{ response: 'Time to first response' }} />);
    expect(screen.getByRole('img', { name: 'Percentage of cycles met per month' })).toBeInTheDocument();
    expect(container.querySelectorAll('polyline')).toHaveLength(2);
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(screen.getByText(/Time to first response/)).toBeInTheDocument();
  });
});
