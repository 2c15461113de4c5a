/** After a save, every issue of the project is recalculated; this polls and shows how far it got. */
import { useEffect, useState } from 'react';
import type { RecomputeProgress } from '@contract';
import { call } from '../../../shared/api';
import { Notice, ProgressBar } from '../../../shared/ui';

interface Props {
  initial: RecomputeProgress;
  /** Poll period; the recompute queue drains in seconds to minutes, so a few seconds is plenty. */
  intervalMs?: number;
}

export function useRecomputeProgress(initial: RecomputeProgress, intervalMs: number): RecomputeProgress {
  const [progress, setProgress] = useState(initial);
  useEffect(() => setProgress(initial), [initial]);
  useEffect(() => {
    if (progress.state !== 'running') return;
    let live = true;
    const timer = setTimeout(() => {
      void call('settings.recomputeProgress', {}).then((res) => {
        // A failed poll keeps the last known progress; the next tick tries again.
        if (live) setProgress(res.ok ? res.data : { ...progress });
      });
    }, intervalMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [progress, intervalMs]);
  return progress;
}

export function RecomputeStatus({ initial, intervalMs = 2000 }: Props) {
  const p = useRecomputeProgress(initial, intervalMs);
  if (p.state === 'failed') {
    return <Notice tone="warning" testId="recompute-status">Saved, but recalculating existing issues stopped after {p.done} of {p.total}. Issues are recalculated again the next time they change.</Notice>;
  }
  if (p.state === 'done' || p.state === 'idle') {
    return <Notice tone="success" testId="recompute-status">Saved. {p.total > 0 ? `All ${p.total} issues recalculated with the new settings.` : 'No existing issues needed recalculating.'}</Notice>;
  }
  const text = `Recalculating SLAs: ${p.done} of ${p.total} issues`;
  return (
    <div data-testid="recompute-status" role="status">
      <p>Saved. {text}…</p>
      <ProgressBar value={p.total > 0 ? p.done / p.total : 0} label="Recalculating SLAs" valueText={text} testId="recompute-progress" />
    </div>
  );
}
