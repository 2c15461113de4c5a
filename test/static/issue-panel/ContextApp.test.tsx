/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { ContextApp } from '../../../static/issue-panel/src/ContextApp';
import { parseContext } from '../../../static/issue-panel/src/host';
import type { AgentPanelData, DataOf, Envelope } from '@contract';
import { cycle, H, M, metric, MONDAY, officeCalendar, officeSpec, snapshot } from './fixtures';

jest.mock('@forge/bridge', () => ({
  invoke: jest.fn(),
  events: { on: jest.fn() },
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

const invokeMock = invoke as jest.MockedFunction<typeof invoke>;
const context = parseContext({ timezone: 'UTC', extension: { issue: { id: '10001', key: 'SUP-1' }, project: { id: '100', key: 'SUP' } } });
const NOW = MONDAY + 10 * H;

const agent = (metrics: AgentPanelData['snapshot'] extends infer S ? (S extends { metrics: infer X } ? X : never) : never): AgentPanelData => ({
  view: 'agent', configured: true, projectId: '100', snapshot: snapshot(metrics), calendars: [officeSpec], warnings: {}, serverNow: NOW, actionFailures: [],
});

async function summaryFor(answer: Envelope<DataOf<'panel.getSla'>>) {
  invokeMock.mockResolvedValue(answer);
  render(<ContextApp context={context} compile={() => officeCalendar()} />);
  return screen.findByTestId('sla-context-summary');
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  invokeMock.mockReset();
});

afterEach(() => jest.useRealTimers());

describe('the issue sidebar summary', () => {
  it('says how long is left on the running clock, from the panel resolver', async () => {
    const el = await summaryFor({ ok: true, data: agent([metric({ current: cycle({ elapsedMs: 4 * H - 130 * M }) })]) });
    expect(el).toHaveTextContent('2 h 10 m left');
    expect(invokeMock).toHaveBeenCalledWith('panel.getSla', { issueId: '10001' });
  });

  it('puts a breached clock before a running one, saying how long ago it breached', async () => {
    const breached = metric({ key: 'response', state: 'breachedRunning', current: cycle({ elapsedMs: 5 * H, dueAt: NOW - H, breachedAt: NOW - H }) });
    const el = await summaryFor({ ok: true, data: agent([metric(), breached]) });
    expect(el).toHaveTextContent('Breached 1 h ago');
  });

  it('says Paused when the only clock with a goal is paused', async () => {
    const paused = metric({ state: 'paused', pauseReason: { kind: 'condition', condition: 'inStatus', label: 'Waiting for customer' } });
    expect(await summaryFor({ ok: true, data: agent([paused]) })).toHaveTextContent(/^Paused$/);
  });

  it('gives a customer the time left on the next promise', async () => {
    const el = await summaryFor({ ok: true, data: { view: 'customer', serverNow: NOW, promises: [{ kind: 'respond', state: 'onTrack', dueAt: NOW + 45 * M, at: null }] } });
    expect(el).toHaveTextContent('45 m left');
  });

  it('shows nothing to a customer of a project that hides SLAs from customers', async () => {
    invokeMock.mockResolvedValue({ ok: false, error: { code: 'NOT_SHOWN', message: 'This project does not show its SLAs to customers.' } });
    render(<ContextApp context={context} compile={() => officeCalendar()} />);
    await jest.runOnlyPendingTimersAsync();
    expect(invokeMock).toHaveBeenCalled();
    expect(screen.queryByTestId('sla-context-summary')).toBeNull();
    expect(screen.queryByTestId('sla-context-state')).toBeNull();
  });
  it('compiles the calendars once per answer, not on every tick of the clock', async () => {
    invokeMock.mockResolvedValue({ ok: true, data: agent([metric({ current: cycle({ elapsedMs: 4 * H - 130 * M }) })]) });
    const compile = jest.fn(() => officeCalendar());
    render(<ContextApp context={context} compile={compile} />);
    await screen.findByTestId('sla-context-summary');
    await act(async () => { jest.advanceTimersByTime(5_000); });
    expect(compile).toHaveBeenCalledTimes(1);
  });
});
