/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { invoke, events } from '@forge/bridge';
import { App } from '../../../static/issue-panel/src/App';
import { failureText } from '../../../static/issue-panel/src/ActionFailures';
import { parseContext } from '../../../static/issue-panel/src/host';
import type { AgentPanelData, CustomerPanelData } from '@contract';
import { H, M, metric, MONDAY, officeCalendar, officeSpec, snapshot } from './fixtures';

jest.mock('@forge/bridge', () => ({
  invoke: jest.fn(),
  events: { on: jest.fn() },
  router: { open: jest.fn() },
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

const invokeMock = invoke as jest.MockedFunction<typeof invoke>;
const onMock = events.on as jest.MockedFunction<typeof events.on>;
/** Sydney is 11 hours ahead of UTC in November: the customer's own zone, not the calendar's. */
const sydney = parseContext({ timezone: 'Australia/Sydney', extension: { issue: { id: '10001', key: 'SUP-1' }, project: { id: '100', key: 'SUP' } } });
const NOW = MONDAY + 10 * H;

function customer(promises: CustomerPanelData['promises']): CustomerPanelData {
  return { view: 'customer', promises, serverNow: NOW };
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  invokeMock.mockReset();
  onMock.mockReset();
  onMock.mockResolvedValue({ unsubscribe: jest.fn() });
});

afterEach(() => jest.useRealTimers());

describe('the panel for a customer', () => {
  it('states each promise in the customer time zone, with on-time and late wording', async () => {
    invokeMock.mockResolvedValue({ ok: true, data: customer([
      { kind: 'respond', state: 'met', dueAt: null, at: NOW - 2 * H },
      { kind: 'resolve', state: 'onTrack', dueAt: NOW + 4 * H, at: null },
      { kind: 'update', state: 'late', dueAt: NOW - H, at: NOW - H },
    ]) });
    render(<App context={sydney} compile={() => officeCalendar()} />);
    const list = await screen.findByTestId('sla-customer');
    expect(list).toHaveTextContent('We responded on time, Mon 23 Nov, 19:00.');
    expect(list).toHaveTextContent('We will resolve your request by Tue 01:00.');
    expect(list).toHaveTextContent('We are late: we promised to update you by Mon 23 Nov, 20:00. Sorry for the wait.');
    expect(screen.queryByTestId('sla-refresh')).toBeNull();
  });

  it('says a promise is on hold without giving the internal reason', async () => {
    invokeMock.mockResolvedValue({ ok: true, data: customer([{ kind: 'respond', state: 'onHold', dueAt: null, at: null }]) });
    render(<App context={sydney} compile={() => officeCalendar()} />);
    expect(await screen.findByTestId('sla-promise-onHold')).toHaveTextContent('Our response is on hold for now');
  });

  it('shows nothing at all when the project does not show SLAs to customers', async () => {
    invokeMock.mockResolvedValue({ ok: false, error: { code: 'NOT_SHOWN', message: 'This project does not show its SLAs to customers.' } });
    render(<App context={sydney} compile={() => officeCalendar()} />);
    await jest.runOnlyPendingTimersAsync();
    expect(invokeMock).toHaveBeenCalledWith('panel.getSla', { issueId: '10001' });
    expect(screen.queryByText('Loading SLAs…')).toBeNull();
    expect(screen.queryByText(/Could not load|SLA|promise/)).toBeNull();
  });
});

describe('refused actions in the agent panel', () => {
  const failure = { actionId: 'resolution:1:breach:0', kind: 'comment' as const, status: 400, reason: 'comment too long', at: new Date(NOW - 30 * M).toISOString() };

  it('tells agents in plain words which action Jira refused, for which clock and why', async () => {
    const data: AgentPanelData = {
      view: 'agent', configured: true, projectId: '100', snapshot: snapshot([metric()]), calendars: [officeSpec], warnings: {}, serverNow: NOW, actionFailures: [failure],
    };
    invokeMock.mockResolvedValue({ ok: true, data });
    render(<App context={parseContext({ timezone: 'UTC', extension: { issue: { id: '10001' }, project: { key: 'SUP' } } })} compile={() => officeCalendar()} />);
    expect(await screen.findByTestId('sla-action-failures')).toHaveTextContent(
      'The breach comment for Time to resolution could not be posted: Jira refused it (comment too long), Mon 23 Nov, 09:30.',
    );
  });

  it('names a warning label and falls back to the status when Jira gave no reason', () => {
    const text = failureText({ ...failure, actionId: 'gone:1:warning-50pct:0', kind: 'label', reason: '' }, [], 'UTC');
    expect(text).toBe('The warning label could not be added: Jira refused it (status 400), Mon 23 Nov, 09:30.');
  });
});
