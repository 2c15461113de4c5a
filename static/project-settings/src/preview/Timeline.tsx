/** A small bar from now to the due time: open business windows filled, closed time empty. */
import type { OpenWindow } from '@core/browser';
import { formatDateTime } from '../../../shared/format';

interface Props { from: number; to: number; windows: readonly OpenWindow[]; timeZone: string; label: string }

export function Timeline({ from, to, windows, timeZone, label }: Props) {
  const span = Math.max(1, to - from);
  const pct = (t: number) => `${(Math.min(Math.max(t - from, 0), span) / span) * 100}%`;
  const visible = windows.filter((w) => w.end > from && w.start < to);
  const spoken = `${label}: ${visible.length} business period${visible.length === 1 ? '' : 's'} between ${formatDateTime(from, timeZone)} and ${formatDateTime(to, timeZone)}`;
  return (
    <div>
      <div className="timeline" role="img" aria-label={spoken} data-testid="preview-timeline">
        {visible.map((w) => (
          <div key={w.start} className="timeline-open" title={`${formatDateTime(w.start, timeZone)} – ${formatDateTime(w.end, timeZone)}`}
            style={{ left: pct(w.start), width: `calc(${pct(w.end)} - ${pct(w.start)})` }} />
        ))}
      </div>
      <div className="timeline-scale" aria-hidden="true">
        <span>now</span>
        <span>filled = business hours, when the clock runs</span>
        <span>due {formatDateTime(to, timeZone)}</span>
      </div>
    </div>
  );
}
