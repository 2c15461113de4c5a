/**
 * Reading an issue for its project's policy: the one-read bundle with the fields the policy needs,
 * the status-category cache (refreshed only when the history mentions an unknown status), and the
 * mapping into the core's IssueHistory. Shared by every use-case that evaluates an issue.
 */
import type { ProjectConfig } from '../contract';
import { isoSeconds, ok, policyFieldIds, type IssueHistory, type PolicySpec } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraResult } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { BASE_FIELDS, fieldValue, mapHistory, unknownStatuses } from '../jira/mapHistory';
import { loadConfig } from '../store/config';
import { getStatusCategories, setStatusCategories } from '../store/statusCategories';

/** Every custom field a policy refers to, beyond those always read. */
const customFieldIds = (policy: PolicySpec) => policyFieldIds(policy, BASE_FIELDS);

/** The issue fields one read must fetch for this policy (or for an unconfigured project). */
export const readFields = (policy: PolicySpec | null) => [...BASE_FIELDS, 'updated', ...(policy ? customFieldIds(policy) : [])];

/** The project an issue currently belongs to (it may have moved since the event). */
export const projectOf = (bundle: IssueBundle): string | null => {
  const p = bundle.fields.project;
  return p && typeof p === 'object' ? fieldValue(p) : null;
};

/**
 * The issue's `updated` instant (ISO, whole seconds), as stored in the property's `seen`: the
 * reconciliation pass compares it with the issue's current `updated` to find recomputes that were lost.
 */
export function seenOf(bundle: IssueBundle): string | null {
  const updated = bundle.fields.updated;
  return typeof updated === 'string' ? isoSeconds(Date.parse(updated)) : null;
}

export interface Loaded {
  bundle: IssueBundle;
  projectId: string;
  config: ProjectConfig | null;
}

/** Reads the issue with the fields its project's policy needs; re-reads once if the issue moved. */
export async function loadIssue(jira: JiraClient, issueId: string, hintProjectId: string | undefined): Promise<JiraResult<Loaded>> {
  let config = hintProjectId ? await loadConfig(hintProjectId) : null;
  const first = await jira.getIssueBundle(issueId, readFields(config?.policy ?? null));
  if (!first.ok) return first;
  const projectId = projectOf(first.value) ?? hintProjectId ?? '';
  if (projectId === hintProjectId) return ok({ bundle: first.value, projectId, config });
  config = await loadConfig(projectId);
  const needed = readFields(config?.policy ?? null).filter((f) => !(f in first.value.fields));
  if (!config || needed.length === 0) return ok({ bundle: first.value, projectId, config });
  const again = await jira.getIssueBundle(issueId, readFields(config.policy));
  return again.ok ? ok({ bundle: again.value, projectId, config }) : again;
}

const REFRESH_AFTER_MS = 10 * 60_000;

export async function toHistory(jira: JiraClient, bundle: IssueBundle, policy: PolicySpec, now: number): Promise<JiraResult<IssueHistory>> {
  const fieldIds = customFieldIds(policy);
  const cache = await getStatusCategories();
  const history = mapHistory(bundle, fieldIds, cache?.categories ?? {});
  const stale = !cache || now - cache.fetchedAt > REFRESH_AFTER_MS;
  if (unknownStatuses(history).length === 0 || !stale) return ok(history);
  const statuses = await jira.getStatuses();
  if (!statuses.ok) return statuses;
  const categories = Object.fromEntries(statuses.value.map((s) => [s.id, s.category]));
  await setStatusCategories({ fetchedAt: now, categories });
  return ok(mapHistory(bundle, fieldIds, categories));
}
