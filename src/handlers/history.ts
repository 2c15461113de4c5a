/**
 * Fetching an issue's history for a policy: the one-read bundle, the status-category cache (refreshed
 * only when the history mentions an unknown status), and the mapping into the core's IssueHistory.
 */
import type { IssueHistory } from '../core/evaluate/types';
import type { PolicySpec } from '../core/policy/types';
import type { JiraClient } from '../jira/client';
import type { JiraResult } from '../jira/http';
import type { IssueBundle } from '../jira/issueReads';
import { BASE_FIELDS, fieldValue, mapHistory, unknownStatuses } from '../jira/mapHistory';
import { getStatusCategories, setStatusCategories } from '../store/statusCategories';

/** Every custom field a policy refers to (goal matches, calendar-by-field, fieldChanged conditions). */
export function policyFieldIds(policy: PolicySpec): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'fieldId' && typeof x === 'string') found.add(x);
        else walk(x);
      }
    }
  };
  walk(policy.metrics);
  return [...found].filter((f) => !BASE_FIELDS.includes(f)).sort();
}

export const readFields = (policy: PolicySpec | null) => [...BASE_FIELDS, ...(policy ? policyFieldIds(policy) : [])];

/** The project an issue currently belongs to (it may have moved since the event). */
export const projectOf = (bundle: IssueBundle): string | null => {
  const p = bundle.fields.project;
  return p && typeof p === 'object' ? fieldValue(p) : null;
};

const REFRESH_AFTER_MS = 10 * 60_000;

export async function toHistory(jira: JiraClient, bundle: IssueBundle, policy: PolicySpec, now: number): Promise<JiraResult<IssueHistory>> {
  const fieldIds = policyFieldIds(policy);
  const cache = await getStatusCategories();
  const history = mapHistory(bundle, fieldIds, cache?.categories ?? {});
  const stale = !cache || now - cache.fetchedAt > REFRESH_AFTER_MS;
  if (unknownStatuses(history).length === 0 || !stale) return { ok: true, value: history };
  const statuses = await jira.getStatuses();
  if (!statuses.ok) return statuses;
  const categories = Object.fromEntries(statuses.value.map((s) => [s.id, s.category]));
  await setStatusCategories({ fetchedAt: now, categories });
  return { ok: true, value: mapHistory(bundle, fieldIds, categories) };
}

/** Current field values (ids) for goal matching in previews and the panel. */
export function currentFields(bundle: IssueBundle, fieldIds: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fieldIds) {
    const v = fieldValue(bundle.fields[f]);
    if (v !== null) out[f] = v;
  }
  return out;
}
