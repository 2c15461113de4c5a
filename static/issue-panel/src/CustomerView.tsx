/**
 * The panel for a customer: one sentence per promise, in the customer's own time zone, with the
 * met/late wording. It gets only the customer DTO, so it could not show an internal name if it tried.
 */
import type { CustomerPanelData, CustomerPromise, CustomerPromiseKind } from '@contract';
import { formatSoon } from '../../shared/format';
import { colors, EmptyState, space } from '../../shared/ui';

const VERB: Record<CustomerPromiseKind, { will: string; did: string; noun: string }> = {
  respond: { will: 'respond', did: 'responded', noun: 'Our response' },
  update: { will: 'update you', did: 'updated you', noun: 'Our next update' },
  resolve: { will: 'resolve your request', did: 'resolved your request', noun: 'Resolving your request' },
};

/** The promise in plain words, times in the viewer's zone ("We will respond by Tue 14:00"). */
export function promiseText(p: CustomerPromise, now: number, zone: string): string {
  const v = VERB[p.kind];
  const when = (at: number | null) => (at === null ? '' : formatSoon(at, now, zone));
  switch (p.state) {
    case 'onTrack':
      return p.dueAt === null ? `We will ${v.will} as soon as we can.` : `We will ${v.will} by ${when(p.dueAt)}.`;
    case 'onHold':
      return `${v.noun} is on hold for now; the time we promise restarts when work resumes.`;
    case 'met':
      return p.at === null ? `We ${v.did} on time.` : `We ${v.did} on time, ${when(p.at)}.`;
    case 'late':
      return p.dueAt === null ? `We are late: sorry for the wait.` : `We are late: we promised to ${v.will} by ${when(p.dueAt)}. Sorry for the wait.`;
  }
}

const TONE: Record<CustomerPromise['state'], string> = {
  onTrack: colors.text,
  onHold: colors.textSubtle,
  met: colors.textSuccess,
  late: colors.textDanger,
};

export function CustomerView({ data, now, viewerZone }: { data: CustomerPanelData; now: number; viewerZone: string }) {
  if (data.promises.length === 0) return <EmptyState title="No time promised yet" testId="sla-customer-empty">We will let you know here when we have promised a time.</EmptyState>;
  return (
    <ul data-testid="sla-customer" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: space.s100 }}>
      {data.promises.map((p, i) => (
        <li key={`${p.kind}-${i}`} data-testid={`sla-promise-${p.state}`} style={{ color: TONE[p.state] }}>
          {promiseText(p, now, viewerZone)}
        </li>
      ))}
    </ul>
  );
}
