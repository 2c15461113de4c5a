/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { invoke } from '@forge/bridge';
import { Explain } from '../../../static/issue-panel/src/Explain';
import type { DataOf } from '@contract';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const invokeMock = invoke as jest.MockedFunction<typeof invoke>;
const H = 3_600_000;
const T = Date.parse('2026-03-02T09:00:00Z');

const data: DataOf<'explain.get'> = {
  evaluatedAt: T + 5 * H,
  statusNames: { '10005': 'Waiting for customer' },
  goalNames: { response: { high: 'High priority', low: 'Everything else' } },
  csv: { filename: 'sla-explain-SUP-1.csv', csv: '\uFEFFMetric\r\n' },
  cycles: [{
    metricKey: 'response', metricName: 'Time to first response', cycleIndex: 0, startedAt: T, stoppedAt: T + 3 * H, until: T + 3 * H,
    goalId: 'high', goalMs: H, elapsedMs: 2 * H, met: false, breachedAt: T + H, goalChanges: [],
    parts: [
      { kind: 'counted', from: T, to: T + H },
      { kind: 'paused', from: T + H, to: T + 2 * H, condition: 'in status 10005', statusId: '10005' },
      { kind: 'counted', from: T + 2 * H, to: T + 3 * H },
    ],
  }],
};

describe('the explain section of the issue panel', () => {
  it('asks for the explanation only when opened, and names paused statuses', async () => {
    invokeMock.mockResolvedValue({ ok: true, data });
    render(<Explain issueId="10001" zone="UTC" />);
    expect(invokeMock).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('explain-toggle'));
    expect(await screen.findByTestId('explain-cycle')).toHaveTextContent('Time to first response · breached');
    expect(screen.getByTestId('explain-cycle')).toHaveTextContent('Counted 2 h · Paused 1 h');
    expect(screen.getByTestId('explain-cycle')).toHaveTextContent('Paused (Waiting for customer)');
    expect(invokeMock).toHaveBeenCalledWith('explain.get', { issueId: '10001', timeZone: 'UTC' });
    expect(screen.getByTestId('explain-toggle')).toHaveAttribute('aria-expanded', 'true');
  });

  it('names the goal a cycle changed to, never its id', async () => {
    const [cycle] = data.cycles;
    if (!cycle) throw new Error('fixture: one cycle');
    const changed = { ...cycle, goalChanges: [{ at: T + H, fromGoalId: 'high', toGoalId: 'low', goalMs: 2 * H }, { at: T + 2 * H, fromGoalId: 'low', toGoalId: 'gone', goalMs: H }] };
    invokeMock.mockResolvedValue({ ok: true, data: { ...data, cycles: [changed] } });
    render(<Explain issueId="10001" zone="UTC" />);
    await userEvent.click(screen.getByTestId('explain-toggle'));
    const text = (await screen.findByTestId('explain-cycle')).textContent ?? '';
    expect(text).toContain('goal changed to Everything else');
    expect(text).toContain('goal changed to a goal no longer in the settings');
    expect(text).not.toMatch(/\b(low|gone)\b/);
  });

  it('shows the error when the explanation cannot be loaded', async () => {
    invokeMock.mockResolvedValue({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'This project has no valid SLA policy.' } });
    render(<Explain issueId="10001" zone="UTC" />);
    await userEvent.click(screen.getByTestId('explain-toggle'));
    expect(await screen.findByText('This project has no valid SLA policy.')).toBeInTheDocument();
  });
});
