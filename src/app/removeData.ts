/**
 * Removing a project's SLA data at an administrator's request (settings page). The configuration goes
 * first, so no event, sweep or recompute chain writes SLA data for the project again (a due entry left
 * behind finds no configuration and clears its issue). Then, as far as one call's time allows:
 * - the `sla` issue properties, 100 issues a request through Jira's bulk delete issue property, an
 *   asynchronous task whose result is checked; issues are found by the indexed property, in id order;
 * - the app's per-issue records (history mirror, due entry, action claims, report filing, action
 *   failures), found through the mirror's per-project index;
 * - when both are done, the project's own records (progress, mirror coverage, parked chain,
 *   customer-view switch, report shards).
 * The caller repeats the call until `done`; every step is idempotent.
 */
import { SLA_PROPERTY_KEY, type DataRemoval } from '../contract';
import { ok } from '../core';
import type { JiraClient } from '../jira/client';
import { listProjectMirrors } from '../store/historyMirror';
import { deleteIssueExtras, deleteProjectConfig, deleteProjectRecords } from '../store/projectData';
import { jiraFailure, type Answer } from './answer';
import type { Deps } from './deps';
import { purgeIssue } from './mirrorSync';

/** Leaves room within a resolver invocation's 25 s. */
const CALL_BUDGET_MS = 10_000;
const PAGE = 100;
const TASK_POLLS = 10;
const TASK_POLL_MS = 1_000;

export const propertiesJql = (projectId: string, after: number) => `project = ${projectId} AND slaPolicyVersion is not EMPTY AND id > ${after} ORDER BY id ASC`;

type Step = { ok: true; count: number; more: boolean } | { ok: false; failure: ReturnType<typeof jiraFailure> };

/** One page of properties: bulk delete and wait for its task. */
async function removeProperties(deps: Deps, jira: JiraClient, projectId: string, after: number): Promise<Step & { last?: number }> {
  const found = await jira.searchIssueIds(propertiesJql(projectId, after), null, PAGE);
  if (!found.ok) return { ok: false, failure: jiraFailure(found.error) };
  const ids = found.value.ids;
  if (ids.length === 0) return { ok: true, count: 0, more: false };
  const task = await jira.deletePropertyBulk(SLA_PROPERTY_KEY, ids);
  if (!task.ok) return { ok: false, failure: jiraFailure(task.error) };
  for (let poll = 0; poll < TASK_POLLS; poll++) {
    const state = await jira.getTask(task.value, ids);
    if (!state.ok) return { ok: false, failure: jiraFailure(state.error) };
    if (state.value.state !== 'pending') return { ok: true, count: ids.length - state.value.failedIssueIds.length, more: true, last: Number(ids[ids.length - 1]) };
    await deps.sleep?.(TASK_POLL_MS);
  }
  // Still running: the next call finds whatever it has not deleted yet.
  return { ok: true, count: 0, more: true, last: Number(ids[ids.length - 1]) };
}

/** One page of the app's per-issue records (the mirror's project index names the issues). */
async function removeRecords(projectId: string): Promise<{ count: number; more: boolean }> {
  const records = await listProjectMirrors(projectId, 0, PAGE);
  for (let i = 0; i < records.length; i += 25) {
    await Promise.all(records.slice(i, i + 25).map(async (r) => (await purgeIssue(r.issueId), await deleteIssueExtras(r.issueId))));
  }
  return { count: records.length, more: records.length > 0 };
}

export async function removeProjectData(deps: Deps, projectId: string): Promise<Answer<DataRemoval>> {
  const deadline = deps.now() + CALL_BUDGET_MS;
  await deleteProjectConfig(projectId);
  const jira = deps.appJira(CALL_BUDGET_MS);
  const out: DataRemoval = { done: false, propertiesRemoved: 0, issuesCleared: 0 };
  let after = 0;
  let properties = true;
  let records = true;
  while ((properties || records) && deps.now() < deadline) {
    if (properties) {
      const step = await removeProperties(deps, jira, projectId, after);
      if (!step.ok) return { ok: false, error: step.failure };
      out.propertiesRemoved += step.count;
      properties = step.more;
      after = step.last ?? after;
    }
    if (records) {
      const step = await removeRecords(projectId);
      out.issuesCleared += step.count;
      records = step.more;
    }
  }
  if (properties || records) return ok(out);
  await deleteProjectRecords(projectId);
  return ok({ ...out, done: true });
}
