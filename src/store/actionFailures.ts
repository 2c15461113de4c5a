/**
 * Actions Jira refused for good (a 4xx other than 429: the comment is too long, the label invalid,
 * the issue gone or the app not allowed). Such an action keeps its claim, so it is never retried,
 * and the refusal is recorded here per issue, newest last, for the panel to show. Bounded: an issue
 * keeps its last MAX_KEPT refusals.
 */
import { kvs } from '@forge/kvs';
import type { ActionFailure } from '../contract';

const keyOf = (issueId: string) => `action-failures:${issueId}`;
export const MAX_KEPT = 20;

const isFailure = (v: unknown): v is ActionFailure =>
  !!v && typeof v === 'object' && typeof (v as ActionFailure).actionId === 'string' && typeof (v as ActionFailure).at === 'string';

export async function listActionFailures(issueId: string): Promise<ActionFailure[]> {
  const stored = await kvs.get<unknown>(keyOf(issueId));
  return Array.isArray(stored) ? stored.filter(isFailure) : [];
}

export async function recordActionFailures(issueId: string, failures: readonly ActionFailure[]): Promise<void> {
  if (failures.length === 0) return;
  const kept = [...(await listActionFailures(issueId)), ...failures].slice(-MAX_KEPT);
  await kvs.set(keyOf(issueId), kept);
}
