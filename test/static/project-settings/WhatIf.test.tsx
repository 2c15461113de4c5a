/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../static/project-settings/src/App';
import type { DataOf, RecomputeProgress } from '@contract';
import { buildConfig, defaultHandlers, fakeBackend, ok, type FakeBackend } from './fakeBackend';

jest.setTimeout(20_000);

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({
  invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload),
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

const HOUR = 3_600_000;
const AT = Date.parse('2026-11-02T09:00:00Z');
const done: RecomputeProgress = { state: 'done', done: 0, total: 0, startedAt: null, finishedAt: null };

function whatIfAnswer(days: number): DataOf<'settings.whatIf'> {
  const side = (outcome: 'met' | 'breached', dueAt: number) => ({ outcome, goalId: 'high', dueAt });
  return {
    days, maxDays: 90, issues: 12, truncated: false, source: 'jira', currentPolicyName: 'Support',
    report: {
      evaluatedAt: AT, timeZone: 'UTC',
      rows: [{ month: '2026-11', metricKey: 'response', goalId: 'high', current: { met: 11, breached: 1, percentMet: 91.67 }, proposed: { met: 10, breached: 2, percentMet: 83.33 } }],
      changed: [{ issueKey: 'SUP-7', issueId: '7', metricKey: 'response', cycle: 0, current: side('met', AT + 4 * HOUR), proposed: side('breached', AT + 2 * HOUR) }],
      totals: { issues: 12, current: { met: 11, breached: 1, percentMet: 91.67 }, proposed: { met: 10, breached: 2, percentMet: 83.33 }, metToBreached: 1, breachedToMet: 0, otherChanges: 0 },
    },
  };
}

async function open(tab: string, handlers = defaultHandlers()) {
  mockBackend = fakeBackend(handlers);
  render(<App />);
  await userEvent.click(await screen.findByRole('tab', { name: tab }));
}

describe('the "Try on past issues" tab', () => {
  it('sends the unsaved draft with the chosen number of days and shows the outcomes that change', async () => {
    const handlers = defaultHandlers();
    handlers['settings.whatIf'] = (p) => ok(whatIfAnswer(p.days));
    await open('Try on past issues', handlers);
    await userEvent.clear(screen.getByTestId('whatif-days'));
    await userEvent.type(screen.getByTestId('whatif-days'), '14');
    await userEvent.click(screen.getByTestId('whatif-run'));
    expect(await screen.findByTestId('whatif-summary')).toHaveTextContent('12 issues resolved in the last 14 days');
    expect(screen.getByTestId('whatif-summary')).toHaveTextContent('1 would newly breach');
    expect(screen.getByTestId('whatif-change-SUP-7')).toHaveTextContent('SUP-7 First response: met');
    expect(screen.getByTestId('whatif-change-SUP-7')).toHaveTextContent('→ breached');
    expect(screen.getByTestId('whatif-table')).toHaveTextContent('10 of 12 met (83.33%)');
    // Metrics and goals by name, never by key or id.
    expect(screen.getByTestId('whatif-table')).toHaveTextContent('2026-11First responseHigh');
    const [sent] = mockBackend.callsTo('settings.whatIf') as Array<{ days: number; policy: { name: string } }>;
    expect([sent?.days, sent?.policy.name]).toEqual([14, 'Support']);
  });

  it('does not run for more days than the backend allows', async () => {
    await open('Try on past issues');
    await userEvent.clear(screen.getByTestId('whatif-days'));
    await userEvent.type(screen.getByTestId('whatif-days'), '365');
    expect(screen.getByTestId('whatif-run')).toBeDisabled();
  });

  it('says so when the project has no saved settings to compare with', async () => {
    const handlers = defaultHandlers();
    handlers['settings.whatIf'] = () => ({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'Save a policy first: the what-if compares the proposed policy with the saved one.' } });
    await open('Try on past issues', handlers);
    await userEvent.click(screen.getByTestId('whatif-run'));
    expect(await screen.findByText(/Save a policy first/)).toBeInTheDocument();
  });
});

describe('coverage gaps in the preview', () => {
  it('shows the longest wait of each goal and the uncovered hours of the week', async () => {
    const handlers = defaultHandlers();
    handlers['settings.coverage'] = () => ok({
      from: AT, to: AT + 366 * 24 * HOUR,
      goals: [{ metricKey: 'response', metricName: 'First response', goalId: 'high', goalName: 'High', calendarId: 'madrid', calendarName: 'Madrid office', timeZone: 'Europe/Madrid', target: '4 h', worst: { arrival: AT, due: AT + 100 * HOUR, wallMs: 100 * HOUR } }],
      uncovered: { timeZone: 'Europe/Madrid', minutesPerWeek: 3840, gaps: [{ from: { weekday: 'fri', time: '17:00' }, to: { weekday: 'mon', time: '09:00' }, minutes: 3840 }] },
    });
    await open('Preview', handlers);
    await userEvent.click(screen.getByTestId('coverage-run'));
    expect(await screen.findByTestId('coverage-results')).toHaveTextContent('First response, High (4 h) on Madrid office: can take up to 4 days 4 h');
    expect(screen.getByTestId('coverage-gaps')).toHaveTextContent('64 hours a week no calendar covers (Madrid time): Fri 17:00 – Mon 09:00');
  });
});

describe('recalculating resolved issues on save', () => {
  async function saveWith(choose: () => Promise<void>) {
    const handlers = defaultHandlers();
    handlers['settings.save'] = (p) => ok({ config: buildConfig(4, p.policy as never), recompute: done });
    await open('Goals', handlers);
    const input = screen.getByTestId('goal-target-high');
    await userEvent.clear(input);
    await userEvent.type(input, '2');
    await choose();
    await userEvent.click(screen.getByTestId('save'));
    return (mockBackend.callsTo('settings.save')[0] as { recomputeResolvedSince?: string }).recomputeResolvedSince;
  }

  it('leaves resolved issues alone unless asked', async () => {
    expect(await saveWith(async () => undefined)).toBeUndefined();
  });

  it('asks for every resolved issue', async () => {
    expect(await saveWith(() => userEvent.click(screen.getByTestId('resolved-all')))).toBe('all');
  });

  it('asks for the issues resolved since a date', async () => {
    expect(await saveWith(async () => {
      await userEvent.click(screen.getByTestId('resolved-since-option'));
      fireEvent.change(screen.getByTestId('resolved-since'), { target: { value: '2026-10-01' } });
    })).toBe('2026-10-01');
  });
});
