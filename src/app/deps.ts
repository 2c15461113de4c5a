/**
 * Everything a use-case touches outside itself, injected so use-cases are plain testable functions.
 * Storage goes through src/store (real @forge/kvs; tests fake the package). Production wiring is in
 * src/wiring.ts.
 */
import type { PushEvent } from '@forge/events';
import type { JiraClient } from '../jira/client';
import type { Pacer } from '../jira/pacing';
import type { MirrorDelta } from './mirrorData';

export const RECOMPUTE_QUEUE = 'sla-recompute';

export type RecomputeJob =
  | { kind: 'issue'; issueId: string; projectId?: string; delta?: MirrorDelta }
  /** A batch of due issues from the sweep, recomputed from the history mirror. */
  | { kind: 'due'; issueIds: string[] }
  /** A batch of issues reconciliation no longer trusts, each recomputed from a fresh Jira read. */
  | { kind: 'reread'; issueIds: string[]; projectId: string }
  | {
      kind: 'reindex';
      projectId: string;
      version: number;
      phase: 'open' | 'resolved';
      resolvedSince: string | null;
      /** Unused since chains resume by issue id; kept so jobs queued by older versions still parse. */
      nextPageToken: string | null;
      /** Where the chain reads issues; decided by its first link. */
      source?: 'mirror' | 'jira';
      /** The last issue id done; the next page starts after it. */
      after?: number;
      /** Pushes made so far by the chain since its originating invocation (Forge caps them at 1,000). */
      pushes?: number;
    };

export interface QueuePort {
  push(events: Array<PushEvent<RecomputeJob>>): Promise<void>;
}

export interface Logger {
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Deps {
  /** Jira as the app, with a retry budget suited to the invocation (ms); a pacer reads the limit headers. */
  appJira(budgetMs: number, pacer?: Pacer): JiraClient;
  /** Jira as the invoking user (resolvers only): permission checks. */
  userJira(accountId: string): JiraClient;
  queue: QueuePort;
  now(): number;
  log: Logger;
  /** Waits inside an invocation (bulk task polls, burst pacing); absent: no waiting. */
  sleep?(ms: number): Promise<void>;
}

/** Per-issue serialisation: at most one recompute of an issue runs at a time. */
export const issueJob = (issueId: string, projectId?: string, delta?: MirrorDelta): PushEvent<RecomputeJob> => ({
  body: { kind: 'issue', issueId, ...(projectId ? { projectId } : {}), ...(delta ? { delta } : {}) },
  concurrency: { key: `issue-${issueId}`, limit: 1 },
});

/** Jira budget of one resolver call (ms): the UI is waiting. */
export const RESOLVER_JIRA_BUDGET_MS = 8_000;

export const MAX_PUSH = 50;

export async function pushAll(queue: QueuePort, events: Array<PushEvent<RecomputeJob>>): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_PUSH) await queue.push(events.slice(i, i + MAX_PUSH));
}
