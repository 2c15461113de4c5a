/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../static/project-settings/src/App';
import { buildConfig, defaultHandlers, fakeBackend, ok, type FakeBackend } from './fakeBackend';

let mockBackend: FakeBackend;
jest.mock('@forge/bridge', () => ({
  invoke: (key: string, payload: unknown) => mockBackend.invoke(key, payload),
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

describe('the control "Remove SLA data from this project"', () => {
  it('works only once the confirmation word is typed, and repeats the removal until the server says done', async () => {
    const handlers = defaultHandlers();
    let rounds = 0;
    handlers['settings.removeData'] = () => ok({ done: ++rounds === 2, propertiesRemoved: 100, issuesCleared: 100 });
    mockBackend = fakeBackend(handlers);
    render(<App />);
    await userEvent.click(await screen.findByText('Remove SLA data from this project'));
    const button = screen.getByTestId('remove-data-button');
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByTestId('remove-data-confirm'), 'remov');
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByTestId('remove-data-confirm'), 'e');
    await userEvent.click(button);
    await waitFor(() => expect(mockBackend.callsTo('settings.removeData')).toEqual([{ confirm: 'remove' }, { confirm: 'remove' }]));
  });

  it('is not offered to a viewer who cannot edit', async () => {
    const handlers = defaultHandlers(buildConfig(), false);
    handlers['settings.getConfig'] = () => ok({ config: buildConfig(), canEdit: false, projectId: '10000', showCustomers: false });
    mockBackend = fakeBackend(handlers);
    render(<App />);
    await screen.findByTestId('show-customers');
    expect(screen.queryByTestId('remove-data')).toBeNull();
  });

  it('shows the refusal and says a repeat finishes the job', async () => {
    const handlers = defaultHandlers();
    handlers['settings.removeData'] = () => ({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira could not answer (UNAVAILABLE).' } });
    mockBackend = fakeBackend(handlers);
    render(<App />);
    await userEvent.click(await screen.findByText('Remove SLA data from this project'));
    await userEvent.type(screen.getByTestId('remove-data-confirm'), 'remove');
    await userEvent.click(screen.getByTestId('remove-data-button'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Stopped: Jira could not answer');
  });
});
