/**
 * Everything a handler touches outside itself, injected so handlers are plain testable functions.
 * Storage goes through src/store (real @forge/kvs; tests fake the package). Production wiring is in
 * `productionDeps`.
 */
import api from '@forge/api';
import { Queue, type PushEvent } from '@forge/events';
import type { MirrorDelta } from '../app/mirrorData';
import { createJiraClient, type JiraClient } from '../jira/client';
import { retryPolicy, type JiraTransport } from '../jira/http';
import type { Pacer } from '../jira/pacing';
import { coreEngine } from './coreEngine';
import type { Engine } from './engine';

export const RECOMPUTE_QUEUE = 'sla-recompute';

export type RecomputeJob =
  | { kind: 'issue'; issueId: string; projectId?: string; delta?: MirrorDelta }
  | { kind: 'reindex'; projectId: string; version: number; phase: 'open' | 'resolved'; resolvedSince: string | null; nextPageToken: string | null };

export interface QueuePort {
  push(events: Array<PushEvent<RecomputeJob>>): Promise<void>;
}

export interface Logger {
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Deps {
  engine: Engine;
  /** Jira as the app, with a retry budget suited to the invocation (ms); a pacer reads the limit headers. */
  appJira(budgetMs: number, pacer?: Pacer): JiraClient;
  /** Jira as the invoking user (resolvers only): permission checks. */
  userJira(accountId: string): JiraClient;
  queue: QueuePort;
  now(): number;
  log: Logger;
}

const appTransport: JiraTransport = (r, init) => api.asApp().requestJira(r, init);
// asUser() without an id acts as the invoking user; an explicit id would need impersonation.
const userTransport: JiraTransport = (r, init) => api.asUser().requestJira(r, init);

const consoleLog: Logger = {
  warn: (m, d) => console.warn(m, d ?? ''),
  error: (m, d) => console.error(m, d ?? ''),
};

export function productionDeps(): Deps {
  const queue = new Queue<RecomputeJob>({ key: RECOMPUTE_QUEUE });
  return {
    engine: coreEngine,
    appJira: (budgetMs, pacer) => createJiraClient(pacer ? pacer.transport(appTransport) : appTransport, retryPolicy(budgetMs)),
    userJira: () => createJiraClient(userTransport, retryPolicy(5_000)),
    queue: { push: async (events) => void (await queue.push(events)) },
    now: () => Date.now(),
    log: consoleLog,
  };
}

/** Per-issue serialisation: at most one recompute of an issue runs at a time. */
export const issueJob = (issueId: string, projectId?: string, delta?: MirrorDelta): PushEvent<RecomputeJob> => ({
  body: { kind: 'issue', issueId, ...(projectId ? { projectId } : {}), ...(delta ? { delta } : {}) },
  concurrency: { key: `issue-${issueId}`, limit: 1 },
});

export const MAX_PUSH = 50;

export async function pushAll(queue: QueuePort, events: Array<PushEvent<RecomputeJob>>): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_PUSH) await queue.push(events.slice(i, i + MAX_PUSH));
}
