/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../static/project-settings/src/App';
import type { FieldIssue } from '@contract';
import { buildConfig, buildPolicy, defaultHandlers, fakeBackend, ok, type FakeBackend } from './fakeBackend';

// Typing tests send one event per key; on a loaded shared machine they need more than the default 5 s.
jest.setTimeout(20_000);

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({
  invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload),
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

async function openTab(name: string, handlers = defaultHandlers()) {
  mockBackend = fakeBackend(handlers);
  render(<App />);
  await userEvent.click(await screen.findByRole('tab', { name }));
}

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.type(input, text);
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('problems with a whole interval', () => {
  const twoCalendars = () => {
    const base = buildPolicy();
    const madrid = base.calendars[0];
    if (madrid?.kind !== 'weekly') throw new Error('fixture: Madrid is weekly');
    const week = { mon: [{ start: '08:00', end: '14:00' }, { start: '13:00', end: '19:00' }] };
    const overrides = [{ date: '2026-12-31', hours: [{ start: '09:00', end: '09:00' }] }];
    return buildConfig(3, buildPolicy({ calendars: [madrid, { ...madrid, id: 'late', name: 'Late shift', week, overrides }] }));
  };
  const issues: FieldIssue[] = [
    { path: 'calendars[1].week.mon[1]', code: 'CAL_OVERLAPPING_INTERVALS', message: 'interval overlaps calendars[1].week.mon[0]' },
    { path: 'calendars[1].overrides[0].hours[0]', code: 'CAL_EMPTY_INTERVAL', message: 'interval 09:00–09:00 is empty; use 00:00–24:00 for a whole day' },
  ];

  it('shows them inside the interval, in plain words, as soon as the page opens', async () => {
    const handlers = defaultHandlers(twoCalendars());
    await openTab('Calendars (2 to fix)', handlers);
    // The Late shift card opens by itself because it has problems.
    const late = within(await screen.findByTestId('calendar-late'));
    const monday = late.getByRole('group', { name: 'Monday interval 2' });
    expect(within(monday).getByRole('alert')).toHaveTextContent(`Calendar "Late shift", Monday's second interval (13:00–19:00) overlaps the first (08:00–14:00).`);
    expect(within(late.getByRole('group', { name: 'Monday interval 1' })).queryByRole('alert')).not.toBeInTheDocument();
    const special = late.getByRole('group', { name: 'Special date 2026-12-31 interval 1' });
    expect(within(special).getByRole('alert')).toHaveTextContent('Calendar "Late shift", special date 2026-12-31, first interval (09:00–09:00) opens and closes at the same time');
    expect(screen.getByTestId('save-bar')).toHaveTextContent('Fix 2 problems before saving.');
    expect(screen.getByTestId('save')).toBeDisabled();
    // Fixing the interval retires its message at once; the count follows.
    await retype(within(special).getByLabelText('Special date 2026-12-31 interval 1 closes'), '12:00');
    expect(within(special).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(monday).getByRole('alert')).toBeInTheDocument();
    expect(tab('Calendars (1 to fix)')).toBeInTheDocument();
    expect(screen.getByTestId('save-bar')).toHaveTextContent('Fix 1 problem before saving.');
  });

  it('counts a problem the server also reports once, and says a check saved nothing', async () => {
    const handlers = defaultHandlers(twoCalendars());
    handlers['settings.validate'] = () => ok({ issues });
    await openTab('Calendars (2 to fix)', handlers);
    await userEvent.click(screen.getByTestId('check'));
    const list = await screen.findByTestId('save-issues');
    expect(list).toHaveTextContent('2 problems to fix:');
    expect(list).not.toHaveTextContent('Not saved');
    expect(list).not.toHaveTextContent('calendars[1]');
    expect(tab('Calendars (2 to fix)')).toBeInTheDocument();
  });
});

describe('fields that do not parse yet', () => {
  it('keeps a typed target that does not parse across tab switches, and Save locked until it is fixed', async () => {
    const handlers = defaultHandlers();
    handlers['settings.save'] = (p) => ok({ config: buildConfig(4, p.policy as never), recompute: { state: 'done', done: 0, total: 0, startedAt: null, finishedAt: null } });
    await openTab('Goals', handlers);
    await retype(screen.getByTestId('goal-target-high'), '5');
    expect(screen.getByTestId('save')).toBeEnabled();
    await retype(screen.getByTestId('goal-target-high'), '0');
    expect(screen.getByTestId('save')).toBeDisabled();
    await userEvent.click(tab('Calendars'));
    expect(screen.getByTestId('save')).toBeDisabled();
    expect(screen.getByTestId('save-bar')).toHaveTextContent('Fix 1 problem before saving.');
    expect(tab('Goals (1 to fix)')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Goals' })).not.toBeInTheDocument();
    await userEvent.click(tab('Goals (1 to fix)'));
    const input = screen.getByTestId('goal-target-high');
    expect(input).toHaveValue(0);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter a whole number of hours, 1 or more.');
    await retype(input, '3');
    expect(tab('Goals')).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByTestId('save'));
    const [sent] = mockBackend.callsTo('settings.save') as Array<{ policy: { metrics: Array<{ goals: Array<{ target: unknown }> }> } }>;
    expect(sent?.policy.metrics[0]?.goals[0]?.target).toEqual({ kind: 'minutes', minutes: 180 });
  });

  it('keeps a malformed time counted when its tab is left or its calendar card is folded', async () => {
    await openTab('Calendars');
    await retype(screen.getByLabelText('Monday interval 1 closes'), '25:00');
    await userEvent.click(tab('Calendars (1 to fix)'));
    await userEvent.click(tab('SLA metrics'));
    expect(screen.getByTestId('save')).toBeDisabled();
    expect(tab('Calendars (1 to fix)')).toBeInTheDocument();
    await userEvent.click(tab('Calendars (1 to fix)'));
    // Folding the card would hide the field: it stays open, marked, while the time is wrong.
    await userEvent.click(screen.getByRole('button', { name: /^▾? ?Madrid office/ }));
    expect(screen.getByLabelText('Monday interval 1 closes')).toBeVisible();
    expect(screen.getByRole('button', { name: /^▾? ?Madrid office/ })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('save')).toBeDisabled();
    await retype(screen.getByLabelText('Monday interval 1 closes'), '18:00');
    expect(screen.getByTestId('save')).toBeEnabled();
    expect(tab('Calendars')).toBeInTheDocument();
  });

  it('forgets typed texts when the changes are discarded', async () => {
    await openTab('Goals');
    await retype(screen.getByLabelText('Name of goal 2'), 'Rest');
    await retype(screen.getByTestId('goal-target-high'), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByTestId('goal-target-high')).toHaveValue(4);
    expect(screen.getByLabelText('Name of goal 2')).toHaveValue('Everything else');
    expect(screen.getByTestId('save-bar')).toHaveTextContent('All changes saved.');
    expect(tab('Goals')).toBeInTheDocument();
  });
});
