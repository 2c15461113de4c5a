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

describe('the switch "Show customers their SLA"', () => {
  it('saves the switch at once, on its own, and says what customers will see', async () => {
    const handlers = defaultHandlers();
    handlers['settings.setCustomerView'] = (p) => ok({ showCustomers: p.show });
    mockBackend = fakeBackend(handlers);
    render(<App />);
    const box = await screen.findByTestId('show-customers');
    expect(box).toBeChecked();
    await userEvent.click(box);
    await waitFor(() => expect(box).not.toBeChecked());
    expect(mockBackend.callsTo('settings.setCustomerView')).toEqual([{ show: false }]);
    expect(mockBackend.callsTo('settings.save')).toHaveLength(0);
    expect(screen.getByTestId('customer-switch')).toHaveTextContent('Customers see no SLA information on their requests.');
  });

  it('is read-only for a viewer who cannot edit and shows the stored state', async () => {
    const handlers = defaultHandlers(buildConfig(), false);
    handlers['settings.getConfig'] = () => ok({ config: buildConfig(), canEdit: false, projectId: '10000', showCustomers: false });
    mockBackend = fakeBackend(handlers);
    render(<App />);
    expect(await screen.findByTestId('show-customers')).toBeDisabled();
    expect(screen.getByTestId('show-customers')).not.toBeChecked();
  });

  it('shows the refusal and keeps its state when the server does not change it', async () => {
    const handlers = defaultHandlers();
    handlers['settings.setCustomerView'] = () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'You need the Administer projects permission for this project.' } });
    mockBackend = fakeBackend(handlers);
    render(<App />);
    const box = await screen.findByTestId('show-customers');
    await userEvent.click(box);
    expect(await screen.findByRole('alert')).toHaveTextContent('Not changed: You need the Administer projects permission');
    expect(box).toBeChecked();
  });
});
