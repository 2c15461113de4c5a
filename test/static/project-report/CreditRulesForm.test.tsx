/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { CreditRulesForm, rulesFrom } from '../../../static/project-report/src/CreditRulesForm';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const invokeMock = invoke as jest.MockedFunction<typeof invoke>;
const RULES = { targetPercent: 99.9, thresholds: [{ below: 99.9, creditDays: 7 }, { below: 99, creditDays: 14 }] };

describe('the credit rules editor', () => {
  beforeEach(() => invokeMock.mockReset());

  it('saves the edited and added rules with the revision it started from', async () => {
    invokeMock.mockResolvedValue({ ok: true, data: { rev: 4, rules: RULES } });
    const onSaved = jest.fn();
    render(<CreditRulesForm rev={3} rules={RULES} onSaved={onSaved} />);
    fireEvent.change(screen.getByTestId('rules-days-1'), { target: { value: '21' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    fireEvent.change(screen.getByTestId('rules-below-2'), { target: { value: '95' } });
    fireEvent.change(screen.getByTestId('rules-days-2'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(invokeMock).toHaveBeenCalledWith('uptime.saveRules', {
      expectedRev: 3,
      rules: { targetPercent: 99.9, thresholds: [{ below: 99.9, creditDays: 7 }, { below: 99, creditDays: 21 }, { below: 95, creditDays: 30 }] },
    });
  });

  it('shows the server validation messages and does not report a save', async () => {
    invokeMock.mockResolvedValue({ ok: false, error: { code: 'VALIDATION_FAILED', message: '1 problem(s) to fix.', details: [{ path: 'thresholds[0].below', code: 'CRD_BAD_THRESHOLD', message: 'A threshold is a percentage between 0 and 100.' }] } });
    const onSaved = jest.fn();
    render(<CreditRulesForm rev={3} rules={RULES} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId('rules-save'));
    expect(await screen.findByTestId('rules-error')).toHaveTextContent('A threshold is a percentage between 0 and 100.');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends an empty or non-numeric field as null so the server names it', () => {
    expect(rulesFrom('', [{ below: 'abc', creditDays: '7' }])).toEqual({ targetPercent: null, thresholds: [{ below: null, creditDays: 7 }] });
  });
});
