/**
 * Loading, empty and error states: every screen that loads data shows one of these, and every
 * error offers a retry, because most failures (rate limits, a cold function) pass on their own.
 */
import type { ReactNode } from 'react';
import { Button } from './Button';
import { colors, radius, space } from './colors';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" data-testid="loading-state" style={{ display: 'flex', alignItems: 'center', gap: space.s100, padding: space.s100, color: colors.textSubtle }}>
      <span
        aria-hidden="true"
        className="sc-spinner"
        style={{
          width: '16px', height: '16px', borderRadius: '50%', border: `2px solid ${colors.bgNeutralHovered}`,
          borderTopColor: colors.bgBrandBold, animation: 'sc-spin 0.8s linear infinite', display: 'inline-block',
        }}
      />
      <span>{label}</span>
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  message: string;
  /** Stable error code from the envelope, shown small for support requests. */
  code?: string;
  onRetry?: () => void;
  retryLabel?: string;
}

export function ErrorState({ title = 'Something went wrong', message, code, onRetry, retryLabel = 'Try again' }: ErrorStateProps) {
  return (
    <div role="alert" data-testid="error-state" style={{ ...boxStyle, background: colors.bgDanger }}>
      <strong style={{ color: colors.textDanger }}>{title}</strong>
      <p style={{ margin: `${space.s050} 0` }}>{message}</p>
      {code && <p style={{ margin: 0, fontSize: '12px', color: colors.textSubtlest }}>Error code: {code}</p>}
      {onRetry && (
        <div style={{ marginTop: space.s100 }}>
          <Button onClick={onRetry} data-testid="error-retry">{retryLabel}</Button>
        </div>
      )}
    </div>
  );
}

export function EmptyState({ title, children, testId = 'empty-state' }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ ...boxStyle, background: colors.bgNeutral }}>
      <strong>{title}</strong>
      {children && <div style={{ marginTop: space.s050, color: colors.textSubtle }}>{children}</div>}
    </div>
  );
}

/** A section message for non-error notices (read-only, warnings). */
export function Notice({ tone = 'information', children, testId }: { tone?: 'information' | 'warning' | 'success'; children: ReactNode; testId?: string }) {
  const bg = tone === 'warning' ? colors.bgWarning : tone === 'success' ? colors.bgSuccess : colors.bgInformation;
  return <div role="note" data-testid={testId} style={{ ...boxStyle, background: bg }}>{children}</div>;
}

const boxStyle = { padding: space.s150, borderRadius: radius } as const;
