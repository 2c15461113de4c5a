/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Button, ErrorState, Lozenge, ProgressBar, TabPanel, Tabs } from '../../../static/shared/ui';

describe('shared UI components', () => {
  it('renders a progress bar with its value for assistive technology, clamped to 100', () => {
    render(<ProgressBar value={1.4} label="Time to resolution" appearance="danger" valueText="overdue" />);
    const bar = screen.getByRole('progressbar', { name: 'Time to resolution' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', 'overdue');
    expect(bar).toHaveAttribute('data-appearance', 'danger');
  });

  it('treats a non-finite progress value as empty rather than breaking the layout', () => {
    render(<ProgressBar value={Number.NaN} label="x" />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  });

  it('shows the error message and code and retries on click', async () => {
    const onRetry = jest.fn();
    render(<ErrorState message="The app is busy." code="RATE_LIMITED" onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The app is busy.');
    expect(screen.getByRole('alert')).toHaveTextContent('RATE_LIMITED');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('renders buttons as native buttons that never submit forms by accident', () => {
    render(<Button appearance="primary">Save</Button>);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('type', 'button');
  });

  it('labels a lozenge with its appearance', () => {
    render(<Lozenge appearance="success" testId="l">Met</Lozenge>);
    expect(screen.getByTestId('l')).toHaveAttribute('data-appearance', 'success');
  });

  it('moves between tabs with the arrow keys', async () => {
    function Harness() {
      const [sel, setSel] = useState('a');
      return (
        <Tabs label="Sections" tabs={[{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }]} selected={sel} onSelect={setSel}>
          <p>content {sel}</p>
        </Tabs>
      );
    }
    render(<Harness />);
    screen.getByRole('tab', { name: 'Alpha' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Beta' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Beta' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('content b');
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Alpha' })).toHaveAttribute('aria-selected', 'true');
  });

  it('keeps panels it does not show mounted but hidden when the caller renders them', async () => {
    function Harness() {
      const [sel, setSel] = useState('a');
      return (
        <Tabs label="Sections" tabs={[{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }]} selected={sel} onSelect={setSel} ownPanels>
          <TabPanel id="a" selected={sel === 'a'}><input aria-label="Kept" /></TabPanel>
          <TabPanel id="b" selected={sel === 'b'}>beta</TabPanel>
        </Tabs>
      );
    }
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('Kept'), 'typed');
    await userEvent.click(screen.getByRole('tab', { name: 'Beta' }));
    expect(screen.getByRole('tabpanel')).toHaveTextContent('beta');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-b');
    expect(screen.getByLabelText('Kept')).not.toBeVisible();
    await userEvent.click(screen.getByRole('tab', { name: 'Alpha' }));
    expect(screen.getByLabelText('Kept')).toHaveValue('typed');
  });
});
