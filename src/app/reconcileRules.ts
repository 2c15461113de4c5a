/**
 * What the reconciliation pass asks Jira for, and how it judges each issue it gets back, without
 * reading the issue: the search returns each issue's `updated` instant and its `sla` property.
 *
 * An issue is recomputed when its stored property is
 * - missing (an open issue of a configured project),
 * - written under another policy version (an open issue; after a save, the project recompute does these),
 * - not verified by the app's signature, or signed under another key epoch (edited, forged, copied),
 * - overdue: its scheduled check passed more than CHECK_GRACE_MS ago without a rewrite (a lost sweep job),
 * - older than the issue's last update (`seen` differs from `updated`: a lost or skipped event).
 */
import { isoSeconds } from '../core';
import { SLA_SEARCH_ALIASES } from '../contract';
import type { IssueState } from '../jira/searchStates';
import type { IntegrityKey } from '../store/integrity';
import { verifiedSignature } from './property';

/** The sweep runs every five minutes; a check three sweeps late was lost, not merely queued. */
export const CHECK_GRACE_MS = 15 * 60_000;

export type Staleness = 'missing' | 'policyVersion' | 'integrity' | 'overdueCheck' | 'lostUpdate';

export interface Expectation {
  policyVersion: number;
  key: IntegrityKey;
  now: number;
  /** False in the audit walk, which also sees resolved issues a policy change deliberately left alone. */
  versionMatters: boolean;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * The candidates of one project: every clause is an indexed property or a system field, so Jira does
 * the filtering. `since` bounds the updated-issue clause to the time since the previous round.
 */
export function deltaJql(projectId: string, policyVersion: number, epoch: number, since: number, now: number): string {
  const versionOff = `(resolution is EMPTY AND (slaPolicyVersion is EMPTY OR slaPolicyVersion != ${policyVersion}))`;
  const overdue = `slaCheckAt < "-${minutes(CHECK_GRACE_MS)}m"`;
  const updated = `updated >= "-${minutes(now - since)}m"`;
  return `project = ${projectId} AND (${versionOff} OR slaGen != ${epoch} OR ${overdue} OR ${updated}) ORDER BY key ASC`;
}

/**
 * The daily integrity walk: every issue of the project whose property shows anything to JQL, a page at a
 * time. Any indexed value counts, so a value written by hand without `policyVersion` (on a resolved
 * issue, which the delta never asks about) is still found. A property with no indexed value at all is
 * invisible to JQL, so it misleads no filter; the next event or recompute replaces it.
 */
export const auditJql = (projectId: string): string =>
  `project = ${projectId} AND (${SLA_SEARCH_ALIASES.map((a) => `${a} is not EMPTY`).join(' OR ')}) ORDER BY key ASC`;

const field = (sla: unknown, name: string): unknown => (sla && typeof sla === 'object' ? (sla as Record<string, unknown>)[name] : undefined);

/** Why this issue's stored state cannot be trusted, or null when it can. */
export function staleness(issue: IssueState, e: Expectation): Staleness | null {
  if (issue.sla === undefined) return 'missing';
  if (verifiedSignature(issue.sla, issue.id, e.key) === null || field(issue.sla, 'gen') !== e.key.epoch) return 'integrity';
  if (e.versionMatters && field(issue.sla, 'policyVersion') !== e.policyVersion) return 'policyVersion';
  const checkAt = field(issue.sla, 'checkAt');
  if (typeof checkAt === 'string' && Date.parse(checkAt) < e.now - CHECK_GRACE_MS) return 'overdueCheck';
  const updated = issue.updated === null ? null : isoSeconds(Date.parse(issue.updated));
  if (updated !== null && field(issue.sla, 'seen') !== updated) return 'lostUpdate';
  return null;
}
