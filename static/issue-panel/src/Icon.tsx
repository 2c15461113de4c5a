/** Small state icons drawn in the current text colour; decorative, the label beside them says the same. */
import type { IconKind } from './look';

const PATHS: Record<Exclude<IconKind, null>, string> = {
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.5a5 5 0 1 1 0 10A5 5 0 0 1 8 3Zm-.75 1.5v4.06l2.97 1.72.75-1.3-2.22-1.28V4.5h-1.5Z',
  pause: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM6 5h1.5v6H6V5Zm2.5 0H10v6H8.5V5Z',
  check: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3.03 4.47 1.06 1.06L7 12.12 3.91 9.03l1.06-1.06L7 10l4.03-4.03Z',
  alert: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7.25 4.5h1.5v4.5h-1.5V4.5Zm0 5.75h1.5v1.5h-1.5v-1.5Z',
};

export function Icon({ kind, testId }: { kind: IconKind; testId?: string }) {
  if (!kind) return null;
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-testid={testId} data-icon={kind} style={{ flexShrink: 0 }}>
      <path fill="currentColor" fillRule="evenodd" d={PATHS[kind]} />
    </svg>
  );
}
