/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { App } from '../../../static/issue-panel/src/App';
import { parseContext } from '../../../static/issue-panel/src/host';
import type { AgentPanelData } from '@contract';
import type { CalendarSpec } from '@core';
import { cycle, H, metric, MONDAY, officeCalendar, officeSpec, snapshot } from './fixtures';

jest.mock('@forge/bridge', () => ({
  invoke: jest.fn(),
  events: { on: jest.fn(async () => ({ unsubscribe: jest.fn() })) },
  router: { open: jest.fn() },
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

const invokeMock = invoke as jest.MockedFunction<typeof invoke>;
const context = parseContext({ timezone: 'Europe/Madrid', extension: { issue: { id: '10001' }, project: { key: 'SUP' } } });

async function card(over: Partial<AgentPanelData>) {
  const data: AgentPanelData = { view: 'agent', configured: true, projectId: '100', snapshot: snapshot([metric()]), calendars: [officeSpec], warnings: {}, serverNow: MONDAY + 10 * H, actionFailures: [], ...over };
  invokeMock.mockResolvedValue({ ok: true, data });
  render(<App context={context} compile={() => officeCalendar()} />);
  return within(await screen.findByTestId('sla-metric-resolution'));
}

beforeEach(() => { jest.useFakeTimers({ now: MONDAY + 10 * H }); invokeMock.mockReset(); });
afterEach(() => jest.useRealTimers());

describe('the look of a clock', () => {
  it('turns the label amber together with the bar once a warning threshold is crossed', async () => {
    const c = await card({ warnings: { resolution: [{ kind: 'percent', percent: 20 }] } });
    expect(c.getByTestId('sla-state-resolution')).toHaveAttribute('data-appearance', 'moved');
    expect(c.getByRole('progressbar')).toHaveAttribute('data-appearance', 'warning');
    expect(c.getByTestId('sla-icon-resolution')).toHaveAttribute('data-icon', 'clock');
  });

  it('draws a paused clock grey, with a pause icon and the status name', async () => {
    const paused = metric({ state: 'paused', pauseReason: { kind: 'condition', condition: 'inStatus', label: 'Waiting for customer' } });
    const c = await card({ snapshot: snapshot([paused]) });
    expect(screen.getByTestId('sla-metric-resolution')).toHaveAttribute('data-muted', 'true');
    expect(c.getByTestId('sla-icon-resolution')).toHaveAttribute('data-icon', 'pause');
    expect(c.getByTestId('sla-state-resolution')).toHaveAttribute('data-appearance', 'default');
    expect(c.getByRole('progressbar')).toHaveAttribute('data-appearance', 'paused');
    expect(c.getByRole('timer')).toHaveTextContent('paused: Waiting for customer');
  });

  it('draws no timeline for a clock with no goal', async () => {
    const c = await card({ snapshot: snapshot([metric({ state: 'notApplicable', goal: null, current: cycle({ goalMs: null, dueAt: null }) })]) });
    expect(c.queryByTestId('sla-timeline-resolution')).not.toBeInTheDocument();
  });

  it('puts the start and due times at the ends of the timeline, in the viewer zone', async () => {
    const c = await card({});
    expect(c.getByTestId('timeline-ends')).toHaveTextContent('Started Mon 23 Nov, 10:00');
    expect(c.getByTestId('timeline-ends')).toHaveTextContent('Due Mon 14:00');
  });

  it('gives a 24x7 due time in the viewer zone only, without a redundant zone', async () => {
    const always: CalendarSpec = { schemaVersion: 1, kind: 'always', id: 'office', name: '24x7', timeZone: 'UTC' };
    const c = await card({ calendars: [always] });
    expect(c.getByTestId('sla-due-resolution')).toHaveTextContent(/^Due Mon 23 Nov, 14:00$/);
  });

  it('names the calendar zone next to the due time when it differs from the viewer zone', async () => {
    const c = await card({});
    expect(c.getByTestId('sla-due-resolution')).toHaveTextContent('Due Mon 23 Nov, 14:00 (Mon 23 Nov, 13:00 UTC)');
  });
});
