/**
 * How a clock looks, decided once so the label, the icon and the bar always agree: the label turns
 * amber with the bar when a warning threshold is crossed and red at breach (never a blue label on an
 * amber bar), and a paused clock is grey with a pause icon, as in Jira Service Management.
 */
import type { LozengeAppearance, ProgressAppearance } from '../../shared/ui';
import type { LiveMetric } from './live';

export type IconKind = 'clock' | 'pause' | 'check' | 'alert' | null;

export interface Look {
  lozenge: LozengeAppearance;
  bar: ProgressAppearance;
  icon: IconKind;
  /** Paused clocks are drawn muted. */
  muted: boolean;
}

export function lookOf(live: Pick<LiveMetric, 'state' | 'tone'>): Look {
  switch (live.state) {
    case 'breachedRunning':
    case 'breachedCompleted':
      return { lozenge: 'removed', bar: 'danger', icon: 'alert', muted: false };
    case 'met':
      return { lozenge: 'success', bar: 'success', icon: 'check', muted: false };
    case 'paused':
      return { lozenge: 'default', bar: 'paused', icon: 'pause', muted: true };
    case 'running':
      if (live.tone === 'danger') return { lozenge: 'removed', bar: 'danger', icon: 'clock', muted: false };
      if (live.tone === 'warning') return { lozenge: 'moved', bar: 'warning', icon: 'clock', muted: false };
      return { lozenge: 'inprogress', bar: 'default', icon: 'clock', muted: false };
    default:
      return { lozenge: 'default', bar: 'default', icon: null, muted: false };
  }
}
