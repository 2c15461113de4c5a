/**
 * When the panel re-reads the SLA: on Jira's issue-changed event, on window focus and on a timer.
 * One read per trigger is enough: the resolver evaluates the issue fresh, it does not wait for the
 * background recompute.
 */
import { useEffect } from 'react';
import { onIssueChanged } from './host';

export const PERIODIC_REFRESH_MS = 60_000;

export function useRefreshTriggers(issueId: string | null, reload: () => void): void {
  useEffect(() => {
    if (!issueId) return undefined;
    const unsubscribe = onIssueChanged(issueId, reload);
    const interval = setInterval(reload, PERIODIC_REFRESH_MS);
    window.addEventListener('focus', reload);
    return () => {
      unsubscribe();
      clearInterval(interval);
      window.removeEventListener('focus', reload);
    };
  }, [issueId, reload]);
}
