import type { ReactNode } from 'react';
import { colors, space } from './colors';

/** Atlassian lozenge vocabulary: success = done/met, removed = failure, inprogress = running, moved = attention. */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'success' | 'removed' | 'new';

const palette: Record<LozengeAppearance, { bg: string; fg: string }> = {
  default: { bg: colors.bgNeutral, fg: colors.textSubtle },
  inprogress: { bg: colors.bgInformation, fg: colors.textInformation },
  moved: { bg: colors.bgWarning, fg: colors.textWarning },
  success: { bg: colors.bgSuccess, fg: colors.textSuccess },
  removed: { bg: colors.bgDanger, fg: colors.textDanger },
  new: { bg: colors.bgDiscovery, fg: colors.textDiscovery },
};

export interface LozengeProps {
  appearance?: LozengeAppearance;
  children: ReactNode;
  testId?: string;
}

export function Lozenge({ appearance = 'default', children, testId }: LozengeProps) {
  const { bg, fg } = palette[appearance];
  return (
    <span
      data-testid={testId}
      data-appearance={appearance}
      style={{
        display: 'inline-block', background: bg, color: fg, borderRadius: '3px', padding: `0 ${space.s050}`,
        fontSize: '11px', fontWeight: 700, lineHeight: '16px', textTransform: 'uppercase', whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  );
}
