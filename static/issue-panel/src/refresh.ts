/**
 * When the panel re-reads the SLA: on Jira's issue-changed event (again a little later, because the
 * backend recomputes asynchronously from a queue), on window focus and on a timer.
 */
import { useEffect } from 'react';
import { onIssueChanged } from './host';

export const PERIODIC_REFRESH_MS = 60_000;
export const AFTER_CHANGE_RECHECK_MS = 5_000;

export function useRefreshTriggers(issueId: string | null, reload: () => void): void {
  useEffect(() => {
    if (!issueId) return undefined;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const afterChange = () => {
      reload();
      const t = setTimeout(() => {
        timers.delete(t);
        reload();
      }, AFTER_CHANGE_RECHECK_MS);
      timers.add(t);
    };
    const unsubscribe = onIssueChanged(issueId, afterChange);
    const interval = setInterval(reload, PERIODIC_REFRESH_MS);
    window.addEventListener('focus', reload);
    return () => {
      unsubscribe();
      clearInterval(interval);
      timers.forEach(clearTimeout);
      window.removeEventListener('focus', reload);
    };
  }, [issueId, reload]);
}
