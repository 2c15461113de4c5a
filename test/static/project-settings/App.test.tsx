/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { view } from '@forge/bridge';
import { formatDateTime, viewerTimeZone } from '../../../static/shared/format';
import { App } from '../../../static/project-settings/src/App';
import { buildConfig, defaultHandlers, fakeBackend, levelsPreset, ok, type FakeBackend } from './fakeBackend';

// Typing tests send one event per key; on a loaded shared machine they need more than the default 5 s.
jest.setTimeout(20_000);

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({
  invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload),
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

function renderApp(handlers = defaultHandlers()) {
  mockBackend = fakeBackend(handlers);
  return render(<App />);
}

describe('settings page: loading, empty, refusal and error states', () => {
  it('suggests a preset and maps its levels to this site before using it: best guess, assumptions confirmed, unmatched goals labelled', async () => {
    const handlers = defaultHandlers(null);
    handlers['settings.applyPreset'] = () => ok({ policy: levelsPreset(4), unmatched: ['priority "Level 1"'] });
    renderApp(handlers);
    expect(screen.getByTestId('loading-state')).toBeInTheDocument();
    await screen.findByTestId('start-screen');
    await userEvent.click(await screen.findByRole('button', { name: 'Apply preset Madrid support desk' }));
    const step = within(await screen.findByTestId('preset-mapping'));
    expect(step.getByLabelText('Level 1 applies to: Highest')).toBeInTheDocument();
    expect(step.getByLabelText('Level 3 applies to: Medium')).toBeInTheDocument();
    expect(step.getByLabelText('Level 4 applies to: Nothing chosen')).toBeInTheDocument();
    expect(step.getAllByText('Matches no issue')).toHaveLength(1);
    // Nothing is used before every assumption is confirmed.
    const use = step.getByTestId('preset-use');
    expect(use).toBeDisabled();
    for (const box of within(step.getByTestId('preset-assumptions')).getAllByRole('checkbox')) await userEvent.click(box);
    expect(step.getByText('Calendar "Madrid office" keeps its hours in the Europe/Madrid time zone.')).toBeInTheDocument();
    await userEvent.click(use);
    expect(await screen.findByTestId('preset-applied')).not.toHaveTextContent('no match');
    await userEvent.click(screen.getByRole('tab', { name: 'Goals' }));
    expect(screen.getByTestId('goal-matches-nothing-level4')).toHaveTextContent('Matches no issue');
    expect(screen.queryByTestId('goal-matches-nothing-level1')).not.toBeInTheDocument();
  });

  it('asks before saving a metric that matches no issue', async () => {
    const handlers = defaultHandlers(buildConfig(3, levelsPreset(2)));
    handlers['settings.save'] = (p) => ok({ config: buildConfig(4, p.policy as never), recompute: { state: 'done', done: 0, total: 0, startedAt: null, finishedAt: null } });
    renderApp(handlers);
    await userEvent.click(await screen.findByRole('tab', { name: 'Goals' }));
    await userEvent.clear(screen.getByLabelText('Name of goal 1'));
    await userEvent.type(screen.getByLabelText('Name of goal 1'), 'Urgent');
    await userEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('confirm-no-match')).toHaveTextContent('Metric "First response" matches no issue.');
    expect(mockBackend.callsTo('settings.save')).toHaveLength(0);
    await userEvent.click(screen.getByTestId('confirm-save-anyway'));
    expect(await screen.findByTestId('recompute-status')).toHaveTextContent('Saved.');
    expect(mockBackend.callsTo('settings.save')).toHaveLength(1);
  });

  it('starts from a small working policy when the admin prefers to start from scratch', async () => {
    renderApp(defaultHandlers(null));
    await userEvent.click(await screen.findByTestId('start-from-scratch'));
    expect(screen.getByLabelText('Calendar name')).toHaveValue('Business hours');
    expect(screen.getByRole('group', { name: 'Monday interval 1' })).toBeInTheDocument();
  });

  it('shows a read-only page to people who cannot edit, with every control disabled and no save bar', async () => {
    renderApp(defaultHandlers(buildConfig(), false));
    expect(await screen.findByTestId('read-only')).toHaveTextContent('only project admins can change them');
    expect(screen.getByLabelText('Calendar name')).toBeDisabled();
    expect(screen.queryByTestId('save-bar')).not.toBeInTheDocument();
  });

  it('refuses clearly when the backend says the viewer may not see the settings', async () => {
    renderApp({ ...defaultHandlers(), 'settings.getConfig': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } }) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only project admins can open SLA settings');
  });

  it('offers a retry when loading fails, and loads on retry', async () => {
    const handlers = defaultHandlers();
    const good = handlers['settings.getConfig'];
    handlers['settings.getConfig'] = () => ({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira is not answering.' } });
    renderApp(handlers);
    expect(await screen.findByRole('alert')).toHaveTextContent('Jira is not answering.');
    mockBackend.handlers['settings.getConfig'] = good;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Calendar name')).toHaveValue('Madrid office');
  });
});

describe('settings page: tabs', () => {
  it('moves between sections with the arrow keys', async () => {
    renderApp();
    const calendars = await screen.findByRole('tab', { name: 'Calendars' });
    calendars.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'SLA metrics' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('group', { name: 'Metric First response' })).toBeInTheDocument();
  });

  it('picks pause statuses from the project statuses', async () => {
    renderApp();
    await userEvent.click(await screen.findByRole('tab', { name: 'SLA metrics' }));
    const pause = screen.getByRole('group', { name: 'Pause condition 1' });
    expect(within(pause).getByLabelText(/Pause condition 1 statuses/)).toHaveTextContent('Waiting for customer');
    await userEvent.click(within(pause).getByRole('checkbox', { name: 'Open' }));
    expect(within(pause).getByLabelText(/Pause condition 1 statuses/)).toHaveTextContent('Waiting for customer, Open');
  });
});

describe('settings page: the saved version', () => {
  const getContext = view.getContext as jest.Mock;
  afterEach(() => getContext.mockReset());

  it('says when it was saved in the viewer\'s Jira time zone', async () => {
    getContext.mockResolvedValue({ timezone: 'Asia/Tokyo', accountId: 'acc-1' });
    renderApp(); // saved 2026-11-20T10:00:00Z, 19:00 in Tokyo
    await screen.findByTestId('config-version');
    expect(await screen.findByText('Version 3, saved Fri 20 Nov, 19:00.')).toBeInTheDocument();
  });

  it('falls back to the browser\'s zone when the host gives none', async () => {
    getContext.mockRejectedValue(new Error('no host'));
    renderApp();
    const expected = formatDateTime(Date.parse('2026-11-20T10:00:00Z'), viewerTimeZone(null));
    expect(await screen.findByTestId('config-version')).toHaveTextContent(`Version 3, saved ${expected}.`);
  });
});
