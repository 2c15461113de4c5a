/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../static/project-settings/src/App';
import { defaultHandlers, fakeBackend, ok, type FakeBackend } from './fakeBackend';

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

const goalOrder = () => screen.getAllByTestId(/^goal-row-/).map((r) => r.getAttribute('data-testid'));

describe('goals table', () => {
  it('reorders goals with the keyboard and keeps focus on the moved goal', async () => {
    await openTab('Goals');
    screen.getByRole('button', { name: 'Move Everything else up' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(goalOrder()).toEqual(['goal-row-rest', 'goal-row-high']);
    // At the top "up" is disabled, so focus lands on the same goal's other order button.
    expect(screen.getByRole('button', { name: 'Move Everything else down' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Move Everything else up' })).toBeDisabled();
  });

  it('sets goal criteria from the project priorities and select-field options', async () => {
    await openTab('Goals');
    const row = screen.getByTestId('goal-row-rest');
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Highest' }));
    await userEvent.selectOptions(within(row).getByLabelText('Everything else field'), 'customfield_1');
    await userEvent.click(within(row).getByRole('checkbox', { name: 'S1' }));
    expect(within(row).getByLabelText(/Everything else priority/)).toHaveTextContent('Highest');
    expect(within(row).getByLabelText(/Everything else Severity values/)).toHaveTextContent('S1');
  });

  it('adds a goal that counts on the first calendar', async () => {
    await openTab('Goals');
    await userEvent.click(screen.getByRole('button', { name: '+ Goal' }));
    const rows = screen.getAllByTestId(/^goal-row-/);
    const added = rows[rows.length - 1];
    expect(added && within(added).getByLabelText('Calendar of All issues')).toHaveValue('madrid');
  });
});

describe('calendars', () => {
  it('adds a second interval to a weekday and flags a malformed time at once', async () => {
    await openTab('Calendars');
    await userEvent.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    const second = screen.getByRole('group', { name: 'Monday interval 2' });
    const closes = within(second).getByLabelText('Monday interval 2 closes');
    await userEvent.clear(closes);
    await userEvent.type(closes, '25:00');
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(closes);
    await userEvent.type(closes, '24:00');
    expect(closes).not.toHaveAttribute('aria-invalid');
  });

  it('previews the public holidays of the chosen country and region', async () => {
    await openTab('Calendars');
    await userEvent.click(screen.getByRole('button', { name: '+ Holiday region' }));
    await userEvent.selectOptions(await screen.findByLabelText('Country'), 'ES');
    await userEvent.selectOptions(await screen.findByLabelText('Region'), 'MD');
    expect(await screen.findByTestId('holiday-preview')).toHaveTextContent('Epiphany');
    expect(mockBackend.callsTo('settings.holidays')).toContainEqual(expect.objectContaining({ country: 'ES', state: 'MD' }));
  });

  it('builds a follow-the-sun calendar from copies of the existing calendars', async () => {
    await openTab('Calendars');
    await userEvent.click(screen.getByRole('button', { name: '+ Follow the sun' }));
    const union = screen.getByTestId('calendar-follow-the-sun');
    expect(within(union).getByText('Member calendars')).toBeInTheDocument();
    expect(within(union).getAllByLabelText('Calendar name').map((i) => (i as HTMLInputElement).value)).toEqual(['Follow the sun', 'Madrid office']);
  });

  it('does not let a calendar that goals use be deleted', async () => {
    await openTab('Calendars');
    expect(screen.getByRole('button', { name: 'Delete calendar' })).toBeDisabled();
    expect(screen.getByText(/Used by First response – High/)).toBeInTheDocument();
  });
});

describe('warnings and actions', () => {
  it('adds a breach action that labels the issue', async () => {
    await openTab('Warnings & actions');
    const onBreach = screen.getByTestId('actions-metrics[0].breachActions');
    await userEvent.click(within(onBreach).getByRole('button', { name: '+ Action' }));
    await userEvent.selectOptions(within(onBreach).getByLabelText('On breach action 1 kind'), 'label');
    expect(within(onBreach).getByLabelText('On breach action 1 label')).toHaveValue('sla-breached');
  });
});

describe('preview', () => {
  it('says when an issue created now would be due, in the calendar zone, with a timeline', async () => {
    const handlers = defaultHandlers();
    const now = Date.UTC(2026, 10, 23, 8, 0); // Mon 09:00 in Madrid
    handlers['settings.preview'] = () => ok({ now, metrics: [{
      key: 'response', name: 'First response', goalName: 'High', target: '4 h', calendarId: 'madrid', calendarName: 'Madrid office',
      calendarTimeZone: 'Europe/Madrid', dueAt: now + 4 * 3_600_000, windows: [{ start: now, end: now + 4 * 3_600_000 }],
    }] });
    await openTab('Preview', handlers);
    await userEvent.selectOptions(screen.getByLabelText('Priority'), '2');
    await userEvent.click(screen.getByTestId('preview-run'));
    expect(await screen.findByTestId('preview-response')).toHaveTextContent('An issue created now with priority High would be due Mon 13:00 (Madrid, Madrid office)');
    expect(screen.getByRole('img', { name: /1 business period/ })).toBeInTheDocument();
    expect(mockBackend.callsTo('settings.preview')).toContainEqual(expect.objectContaining({ fields: { priority: '2' } }));
  });
});
