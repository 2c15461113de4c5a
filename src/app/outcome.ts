/**
 * What recomputing one issue ended in, shared by the recompute from Jira (recompute.ts) and the
 * recompute from the history mirror (mirrorSync.ts), so neither has to import the other for it.
 */
import type { JiraError } from '../jira/http';

export type Outcome =
  | { kind: 'written' | 'unchanged'; nextCheckAt: number | null }
  | { kind: 'gone' | 'notConfigured' }
  | { kind: 'invalidPolicy'; message: string }
  | { kind: 'jiraError'; error: JiraError };
