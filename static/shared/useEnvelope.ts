/**
 * Loads one envelope-returning call and exposes loading / ok / error with a retry. A reload keeps
 * the previous data visible (`refreshing`) so periodic refreshes never flash a spinner.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope, ErrorCode } from '@contract';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T; refreshing: boolean; receivedAt: number }
  | { status: 'error'; code: ErrorCode; message: string };

export function useEnvelope<T>(load: (() => Promise<Envelope<T>>) | null, now: () => number = Date.now) {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const seq = useRef(0);
  const reload = useCallback(async () => {
    if (!load) return;
    const mine = ++seq.current;
    setState((s) => (s.status === 'ok' ? { ...s, refreshing: true } : { status: 'loading' }));
    const res = await load();
    // A slower earlier request must not overwrite a newer answer.
    if (mine !== seq.current) return;
    setState(res.ok
      ? { status: 'ok', data: res.data, refreshing: false, receivedAt: now() }
      : { status: 'error', code: res.error.code, message: res.error.message });
  }, [load, now]);
  useEffect(() => { void reload(); }, [reload]);
  return { state, reload };
}
