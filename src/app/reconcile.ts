/**
 * Reconciliation: an hourly, low-rate pass that makes every issue's stored SLA state converge even when
 * events, queue jobs or sweeps were lost, or someone wrote the property by hand. Candidates come from
 * indexed JQL (reconcileRules.ts); each is judged from the search result alone, and only the untrusted
 * ones are queued, in batches of REREAD_BATCH, for a recompute from a fresh Jira read, which fires any
 * action that fell due meanwhile (its claim is still free) exactly once.
 *
 * Bounded: at most MAX_PAGES search pages and RUN_BUDGET_MS per run; the rest of the round resumes on
 * the next run from the saved page token. Rate limits and outages end the run early; nothing is lost.
 */
import { listConfiguredProjects } from '../store/configuredProjects';
import { loadConfig } from '../store/config';
import { getDue } from '../store/dueIndex';
import { integrityKey, type IntegrityKey } from '../store/integrity';
import { getProgress } from '../store/progress';
import { loadReconcileState, saveReconcileState, type ReconcileState, type ReconcileTask } from '../store/reconcileState';
import type { JiraClient } from '../jira/client';
import { pushAll, type Deps, type RecomputeJob } from './deps';
import type { PushEvent } from '@forge/events';
import { auditJql, deltaJql, staleness, type Staleness } from './reconcileRules';

export const PAGE_SIZE = 100;
/**
 * Issues per queued job. Forge counts events per minute at push time (500 an installation), and a
 * busy day leaves thousands of issues updated since the last round: one event per issue would spend
 * that limit, so a page's untrusted issues go out as a few batches read one by one in the consumer.
 */
export const REREAD_BATCH = 25;
export const MAX_PAGES = 20;
export const RUN_BUDGET_MS = 4 * 60_000;
export const RECONCILE_JIRA_BUDGET_MS = 30_000;
/** The first round looks back a day; later rounds look back to the previous round's start, with a margin. */
export const FIRST_LOOKBACK_MS = 24 * 3_600_000;
export const LOOKBACK_MARGIN_MS = 10 * 60_000;
/** The integrity walk runs once a day (a little less, so hourly runs do not drift past 24 h). */
export const AUDIT_EVERY_MS = 23 * 3_600_000;

export interface ReconcileReport {
  pages: number;
  checked: number;
  queued: Partial<Record<Staleness, number>>;
  unfinished: number;
}

function newRound(state: ReconcileState, projects: string[], now: number): ReconcileState {
  const since = state.lastRoundStartedAt === null ? now - FIRST_LOOKBACK_MS : state.lastRoundStartedAt - LOOKBACK_MARGIN_MS;
  const audit = state.lastAuditAt === null || now - state.lastAuditAt >= AUDIT_EVERY_MS;
  const tasks: ReconcileTask[] = projects.map((projectId) => ({ projectId, kind: 'delta', nextPageToken: null }));
  if (audit) tasks.push(...projects.map((projectId): ReconcileTask => ({ projectId, kind: 'audit', nextPageToken: null })));
  return { ...state, tasks, round: { startedAt: now, since }, lastAuditAt: audit ? now : state.lastAuditAt };
}

interface Run {
  deps: Deps;
  jira: JiraClient;
  key: IntegrityKey;
  report: ReconcileReport;
}

/**
 * An overdue check whose due entry still exists is the sweep's: it re-queues it every five minutes
 * until a recompute lands. Reconciliation only takes overdue issues whose entry was lost.
 */
const sweepOwns = async (issueId: string): Promise<boolean> => (await getDue(issueId)) !== undefined;

/** One search page of a task; the task's next token, null when done, or 'stop' when Jira refused. */
async function runPage(run: Run, task: ReconcileTask, since: number): Promise<string | null | 'stop'> {
  const config = await loadConfig(task.projectId);
  if (!config) return null;
  // A project recompute in flight rewrites these issues itself, with its own action rule.
  if (task.kind === 'delta' && (await getProgress(task.projectId)).state === 'running') return null;
  const now = run.deps.now();
  const jql = task.kind === 'delta' ? deltaJql(task.projectId, config.version, run.key.epoch, since, now) : auditJql(task.projectId);
  const page = await run.jira.searchIssueStates(jql, task.nextPageToken, PAGE_SIZE);
  if (!page.ok) {
    run.deps.log.warn('Reconciliation search failed; resuming on the next run', { projectId: task.projectId, code: page.error.code });
    return 'stop';
  }
  run.report.pages++;
  const expectation = { policyVersion: config.version, key: run.key, now, versionMatters: task.kind === 'delta' };
  const stale: Array<{ id: string; why: Staleness }> = [];
  for (const issue of page.value.issues) {
    const why = staleness(issue, expectation);
    if (why && !(why === 'overdueCheck' && (await sweepOwns(issue.id)))) stale.push({ id: issue.id, why });
  }
  run.report.checked += page.value.issues.length;
  for (const s of stale) run.report.queued[s.why] = (run.report.queued[s.why] ?? 0) + 1;
  await pushAll(run.deps.queue, rereadJobs(stale.map((s) => s.id), task.projectId));
  return page.value.nextPageToken;
}

function rereadJobs(issueIds: string[], projectId: string): Array<PushEvent<RecomputeJob>> {
  const jobs: Array<PushEvent<RecomputeJob>> = [];
  for (let i = 0; i < issueIds.length; i += REREAD_BATCH) jobs.push({ body: { kind: 'reread', issueIds: issueIds.slice(i, i + REREAD_BATCH), projectId } });
  return jobs;
}

/** Works through the round's tasks in order until the page or time budget is spent. */
async function work(run: Run, state: ReconcileState, started: number): Promise<ReconcileState> {
  const tasks = [...state.tasks];
  const since = state.round?.since ?? started - FIRST_LOOKBACK_MS;
  while (tasks.length > 0 && run.report.pages < MAX_PAGES && run.deps.now() - started < RUN_BUDGET_MS) {
    const task = tasks[0]!;
    const next = await runPage(run, task, since);
    if (next === 'stop') break;
    if (next === null) tasks.shift();
    else tasks[0] = { ...task, nextPageToken: next };
  }
  const finished = tasks.length === 0;
  return { ...state, tasks, round: finished ? null : state.round, lastRoundStartedAt: finished ? (state.round?.startedAt ?? started) : state.lastRoundStartedAt };
}

export async function runReconcile(deps: Deps): Promise<ReconcileReport> {
  const started = deps.now();
  let state = await loadReconcileState();
  if (state.tasks.length === 0) state = newRound(state, await listConfiguredProjects(), started);
  const run: Run = { deps, jira: deps.appJira(RECONCILE_JIRA_BUDGET_MS), key: await integrityKey(), report: { pages: 0, checked: 0, queued: {}, unfinished: 0 } };
  const after = await work(run, state, started);
  await saveReconcileState(after);
  run.report.unfinished = after.tasks.length;
  return run.report;
}
