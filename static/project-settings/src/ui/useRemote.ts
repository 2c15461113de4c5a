/** Loads one resolver result with loading / error / retry states, ignoring answers that arrive after unmount or a newer request. */
import { useCallback, useEffect, useState } from 'react';
import type { DataOf, ErrorCode, PayloadOf, ResolverKey } from '@contract';
import { call } from '../../../shared/api';

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'error'; code: ErrorCode; message: string }
  | { status: 'ready'; data: T };

export function useRemote<K extends ResolverKey>(key: K, payload: PayloadOf<K>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<Remote<DataOf<K>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    // A refresh keeps showing the previous answer, so pickers do not vanish (and lose focus) while it loads.
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    void call(key, payload).then((res) => {
      if (!live) return;
      setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', code: res.error.code, message: res.error.message });
    });
    return () => {
      live = false;
    };
    // The payload is rebuilt on every render; callers list what actually changes it in `deps`.
  }, [key, attempt, ...deps]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry, setState };
}
