/**
 * Removing the app's Jira data when the app is uninstalled (the `preUninstall` trigger). Forge deletes
 * the app's hosted storage itself; the `sla` issue properties are Jira data and would stay on every
 * issue, searchable through the app's JQL aliases, if the app did not remove them.
 *
 * One request does it: Jira's bulk delete issue property with no filter criteria deletes the property
 * from every issue the caller (the app) can see and edit. The task runs in Jira, asynchronously; the
 * trigger waits for it while its time allows, only to report the outcome. Nothing is written to app
 * storage: it is about to be deleted, and nothing may outlive the uninstall.
 */
import { SLA_PROPERTY_KEY } from '../contract';
import type { Deps } from './deps';

/** preUninstall runs for at most 55 s; the rest is margin for request latency and the log. */
export const UNINSTALL_BUDGET_MS = 45_000;
/** Retry budgets: the delete matters, a poll only reports; a poll never starts without room for its retries. */
const DELETE_RETRY_MS = 20_000;
const POLL_RETRY_MS = 4_000;
export const TASK_POLL_MS = 2_000;
/** Without a sleep (tests), the polls are bounded by count instead of time. */
const MAX_POLLS = Math.ceil(UNINSTALL_BUDGET_MS / TASK_POLL_MS);

export type UninstallOutcome =
  /** Jira refused the request (code from the Jira client); nothing was deleted. */
  | { state: 'refused'; code: string }
  /** Jira's task finished; `failedIssues` counts the issues it reported as failed. */
  | { state: 'complete'; taskId: string; failedIssues: number }
  /** Jira's task reported failure (the delete is transactional: no property was deleted). */
  | { state: 'failed'; taskId: string }
  /** Still running when the time was up: Jira finishes it without the app. */
  | { state: 'pending'; taskId: string };

export async function removeSiteProperties(deps: Deps): Promise<UninstallOutcome> {
  const deadline = deps.now() + UNINSTALL_BUDGET_MS;
  const task = await deps.appJira(DELETE_RETRY_MS).deletePropertyEverywhere(SLA_PROPERTY_KEY);
  if (!task.ok) return { state: 'refused', code: task.error.code };
  const taskId = task.value;
  const polls = deps.appJira(POLL_RETRY_MS);
  for (let poll = 0; poll < MAX_POLLS && deps.now() + POLL_RETRY_MS < deadline; poll++) {
    const state = await polls.getTask(taskId, []);
    // An unreadable task status is no reason to stop: the delete already runs in Jira.
    if (state.ok && state.value.state === 'complete') return { state: 'complete', taskId, failedIssues: state.value.failedIssueIds.length };
    if (state.ok && state.value.state === 'failed') return { state: 'failed', taskId };
    await deps.sleep?.(TASK_POLL_MS);
  }
  return { state: 'pending', taskId };
}
