import { colors } from './colors';

export type ProgressAppearance = 'default' | 'warning' | 'danger' | 'success' | 'paused';

const fill: Record<ProgressAppearance, string> = {
  default: colors.bgInformationBold,
  warning: colors.bgWarningBold,
  danger: colors.bgDangerBold,
  success: colors.bgSuccessBold,
  // A paused clock is grey, whatever its share: it is not counting.
  paused: colors.bgNeutralBold,
};

export interface ProgressBarProps {
  /** 0..1; values outside are clamped (an overdue clock shows a full bar, coloured as danger). */
  value: number;
  label: string;
  appearance?: ProgressAppearance;
  /** Spoken value, e.g. "75% of the goal used". */
  valueText?: string;
  testId?: string;
}

export function ProgressBar({ value, label, appearance = 'default', valueText, testId }: ProgressBarProps) {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const percent = Math.round(clamped * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      data-testid={testId}
      data-appearance={appearance}
      style={{ height: '6px', borderRadius: '3px', background: colors.bgNeutral, overflow: 'hidden' }}
    >
      <div style={{ width: `${percent}%`, height: '100%', background: fill[appearance], transition: 'width 0.3s' }} />
    </div>
  );
}
