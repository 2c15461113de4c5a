/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../static/project-settings/src/App';
import type { RecomputeProgress } from '@contract';
import { buildConfig, defaultHandlers, fakeBackend, ok, type FakeBackend } from './fakeBackend';

// Typing tests send one event per key; on a loaded shared machine they need more than the default 5 s.
jest.setTimeout(20_000);

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({
  invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload),
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

const progress = (state: RecomputeProgress['state'], done: number, total: number): RecomputeProgress =>
  ({ state, done, total, startedAt: null, finishedAt: null });

async function openGoals(handlers = defaultHandlers()) {
  mockBackend = fakeBackend(handlers);
  render(<App />);
  await userEvent.click(await screen.findByRole('tab', { name: 'Goals' }));
}

/** Types an amount, first choosing a unit when one is given. */
async function typeTarget(goalId: string, amount: string, unit?: string) {
  if (unit) await userEvent.selectOptions(screen.getByTestId(`goal-unit-${goalId}`), unit);
  const input = screen.getByTestId(`goal-target-${goalId}`);
  await userEvent.clear(input);
  if (amount) await userEvent.type(input, amount);
  return input;
}

describe('saving the settings', () => {
  it('sends the edited policy with the version it was based on', async () => {
    const handlers = defaultHandlers();
    handlers['settings.save'] = (p) => ok({ config: buildConfig(4, p.policy as never), recompute: progress('done', 0, 0) });
    await openGoals(handlers);
    await typeTarget('high', '26', 'hours');
    await userEvent.click(screen.getByTestId('save'));
    const [sent] = mockBackend.callsTo('settings.save') as Array<{ expectedVersion: number; policy: { metrics: Array<{ goals: Array<{ target: unknown }> }> } }>;
    expect(sent?.expectedVersion).toBe(3);
    expect(sent?.policy.metrics[0]?.goals[0]?.target).toEqual({ kind: 'minutes', minutes: 1560 });
    expect(await screen.findByTestId('recompute-status')).toHaveTextContent('Saved.');
    expect(screen.getByTestId('save')).toBeDisabled();
    expect(screen.getByTestId('config-version')).toHaveTextContent('Version 4');
    await typeTarget('high', '2');
    await userEvent.click(screen.getByTestId('save'));
    expect((mockBackend.callsTo('settings.save')[1] as { expectedVersion: number }).expectedVersion).toBe(4);
  });

  it('asks before the page is left with unsaved changes, and not once they are saved', async () => {
    const handlers = defaultHandlers();
    handlers['settings.save'] = (p) => ok({ config: buildConfig(4, p.policy as never), recompute: progress('done', 0, 0) });
    await openGoals(handlers);
    const leave = () => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; };
    expect(leave()).toBe(false);
    await typeTarget('high', '5');
    expect(leave()).toBe(true);
    await userEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('recompute-status');
    expect(leave()).toBe(false);
  });

  it('validates a typed target instantly and refuses to save while it is wrong', async () => {
    await openGoals();
    const input = await typeTarget('high', '');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter a whole number of hours, 1 or more.');
    expect(screen.getByTestId('save')).toBeDisabled();
    expect(screen.getByTestId('save-bar')).toHaveTextContent('Fix 1 problem before saving.');
    await typeTarget('high', '2', 'businessDays');
    expect(screen.getByTestId('goal-target-high')).toHaveAccessibleDescription('2 business days');
    expect(screen.getByTestId('save')).toBeEnabled();
  });

  it('shows the backend validation errors next to the fields they concern and counts them on the tab', async () => {
    const handlers = defaultHandlers();
    handlers['settings.save'] = () => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Invalid policy', details: [
      { path: 'metrics[0].goals[1].target', code: 'POL_BAD_TARGET', message: 'Two business days is longer than the maximum.' },
      { path: 'calendars[0].week.mon[0].end', code: 'CAL_BAD_TIME', message: 'Closing time is not a time.' },
    ] } });
    await openGoals(handlers);
    await typeTarget('rest', '3');
    await userEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('error-metrics[0].goals[1].target')).toHaveTextContent('longer than the maximum');
    expect(screen.getByTestId('goal-target-rest')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('tab', { name: 'Calendars (1 to fix)' })).toBeInTheDocument();
    await userEvent.click(within(screen.getByTestId('save-issues')).getByRole('button', { name: /Monday's first interval \(08:00–19:00\): the closing time/ }));
    expect(screen.getByTestId('error-calendars[0].week.mon[0].end')).toHaveTextContent('the closing time 19:00 is not a time of day');
    expect(screen.getByLabelText('Monday interval 1 closes')).toHaveFocus();
    // Editing the field retires its message; the other issue stays until the next save.
    const closes = screen.getByLabelText('Monday interval 1 closes');
    await userEvent.clear(closes);
    await userEvent.type(closes, '18:00');
    expect(screen.queryByTestId('error-calendars[0].week.mon[0].end')).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Goals (1 to fix)' })).toBeInTheDocument();
  });

  it('detects that someone else saved meanwhile and offers to load their version instead of overwriting', async () => {
    const handlers = defaultHandlers();
    handlers['settings.save'] = () => ({ ok: false, error: { code: 'VERSION_CONFLICT', message: 'Version 4 exists.' } });
    await openGoals(handlers);
    await typeTarget('high', '3');
    await userEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('version-conflict')).toHaveTextContent('Someone else saved');
    mockBackend.handlers['settings.getConfig'] = () => ok({ config: buildConfig(4), canEdit: true, projectId: '10000', showCustomers: true });
    await userEvent.click(screen.getByTestId('reload-latest'));
    expect(await screen.findByTestId('config-version')).toHaveTextContent('Version 4');
    expect(mockBackend.callsTo('settings.save')).toHaveLength(1);
  });

  it('checks the draft with the backend without saving it', async () => {
    const handlers = defaultHandlers();
    const answers = [[{ path: 'metrics[0].goals[0].target', code: 'POL_BAD_TARGET', message: 'Too long for this calendar.' }], []];
    handlers['settings.validate'] = () => ok({ issues: answers.shift() ?? [] });
    await openGoals(handlers);
    await userEvent.click(screen.getByTestId('check'));
    expect(await screen.findByTestId('error-metrics[0].goals[0].target')).toHaveTextContent('Metric "First response", goal "High", target: too long for this calendar.');
    await userEvent.click(screen.getByTestId('check'));
    expect(await screen.findByTestId('check-ok')).toHaveTextContent('No problems found');
    expect(screen.queryByTestId('error-metrics[0].goals[0].target')).not.toBeInTheDocument();
    expect(mockBackend.callsTo('settings.save')).toHaveLength(0);
  });

  it('says so when saving is refused for lack of permission', async () => {
    const handlers = defaultHandlers();
    handlers['settings.save'] = () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Not an admin.' } });
    await openGoals(handlers);
    await typeTarget('high', '3');
    await userEvent.click(screen.getByTestId('save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only project admins can save SLA settings');
  });
});

describe('recompute progress after saving', () => {
  afterEach(() => jest.useRealTimers());

  it('polls the progress until every issue is recalculated', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const handlers = defaultHandlers();
    handlers['settings.save'] = (p) => ok({ config: buildConfig(4, p.policy as never), recompute: progress('running', 0, 40) });
    const answers = [progress('running', 25, 40), progress('done', 40, 40)];
    handlers['settings.recomputeProgress'] = () => ok(answers.shift() ?? progress('done', 40, 40));
    mockBackend = fakeBackend(handlers);
    render(<App />);
    await user.click(await screen.findByRole('tab', { name: 'Goals' }));
    await user.clear(screen.getByTestId('goal-target-high'));
    await user.type(screen.getByTestId('goal-target-high'), '5');
    await user.click(screen.getByTestId('save'));
    expect(await screen.findByRole('progressbar', { name: 'Recalculating SLAs' })).toHaveAttribute('aria-valuenow', '0');
    await act(async () => { await jest.advanceTimersByTimeAsync(2000); });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '63');
    await act(async () => { await jest.advanceTimersByTimeAsync(2000); });
    expect(screen.getByTestId('recompute-status')).toHaveTextContent('All 40 issues recalculated');
    expect(mockBackend.callsTo('settings.recomputeProgress')).toHaveLength(2);
  });
});
