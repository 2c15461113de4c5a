/**
 * Actions Jira refused for good (never retried), told to agents in plain words: which action, for
 * which clock, and Jira's reason ("The breach comment for Time to first response could not be
 * posted: Jira refused it (comment too long).").
 */
import type { ActionFailure } from '@contract';
import type { MetricSnapshot } from '@core/browser';
import { formatDateTime } from '../../shared/format';
import { Notice } from '../../shared/ui';

const WHAT: Record<ActionFailure['kind'], { noun: string; failed: string }> = {
  comment: { noun: 'comment', failed: 'could not be posted' },
  label: { noun: 'label', failed: 'could not be added' },
  notify: { noun: 'notification', failed: 'could not be sent' },
};

/** Action ids read "<metric key>:<cycle start>:<breach | warning-…>:<n>" (see the core's due actions). */
function trigger(actionId: string): string {
  const part = actionId.split(':')[2] ?? '';
  return part === 'breach' ? 'breach ' : part.startsWith('warning') ? 'warning ' : '';
}

export function failureText(f: ActionFailure, metrics: readonly MetricSnapshot[], zone: string): string {
  const metric = metrics.find((m) => m.key === f.actionId.split(':')[0]);
  const what = WHAT[f.kind];
  const forWhich = metric ? ` for ${metric.name}` : '';
  const reason = f.reason.trim().replace(/\.$/, '');
  const why = reason ? `Jira refused it (${reason})` : `Jira refused it (status ${f.status})`;
  const at = Date.parse(f.at);
  return `The ${trigger(f.actionId)}${what.noun}${forWhich} ${what.failed}: ${why}${Number.isNaN(at) ? '' : `, ${formatDateTime(at, zone)}`}.`;
}

export function ActionFailures({ failures, metrics, zone }: { failures: readonly ActionFailure[]; metrics: readonly MetricSnapshot[]; zone: string }) {
  if (failures.length === 0) return null;
  return (
    <Notice tone="warning" testId="sla-action-failures">
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {failures.map((f) => <li key={`${f.actionId}-${f.at}`}>{failureText(f, metrics, zone)}</li>)}
      </ul>
    </Notice>
  );
}
