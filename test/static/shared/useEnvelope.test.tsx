/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Envelope } from '@contract';
import { useEnvelope } from '../../../static/shared/useEnvelope';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

function Harness({ loads }: { loads: Array<Promise<Envelope<string>>> }) {
  const [i] = useState(() => ({ n: 0 }));
  const [load] = useState(() => () => loads[i.n++] as Promise<Envelope<string>>);
  const { state, reload } = useEnvelope(load);
  return (
    <div>
      <span data-testid="state">{state.status === 'ok' ? `${state.data}${state.refreshing ? ' (refreshing)' : ''}` : state.status === 'error' ? state.code : 'loading'}</span>
      <button onClick={() => void reload()}>reload</button>
    </div>
  );
}

describe('useEnvelope', () => {
  it('goes from loading to the data', async () => {
    render(<Harness loads={[Promise.resolve({ ok: true, data: 'first' })]} />);
    expect(screen.getByTestId('state')).toHaveTextContent('loading');
    expect(await screen.findByText('first')).toBeInTheDocument();
  });

  it('exposes an error envelope by its code', async () => {
    render(<Harness loads={[Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } })]} />);
    expect(await screen.findByText('FORBIDDEN')).toBeInTheDocument();
  });

  it('keeps old data visible while refreshing and ignores an answer that arrives after a newer one', async () => {
    const slow = deferred<Envelope<string>>();
    const fast = deferred<Envelope<string>>();
    render(<Harness loads={[Promise.resolve({ ok: true, data: 'first' }), slow.promise, fast.promise]} />);
    await screen.findByText('first');
    act(() => screen.getByText('reload').click());
    expect(screen.getByTestId('state')).toHaveTextContent('first (refreshing)');
    act(() => screen.getByText('reload').click());
    await act(async () => fast.resolve({ ok: true, data: 'newest' }));
    await act(async () => slow.resolve({ ok: true, data: 'stale' }));
    expect(screen.getByTestId('state')).toHaveTextContent('newest');
  });
});
