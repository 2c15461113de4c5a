/**
 * Which of some issue keys the viewer may open. Browse projects on a project does not open every
 * issue of it (issue-level security), and the report's aggregates hold every issue, so keys it lists
 * are filtered through JQL `key in (…)` searches made as the viewer: Jira returns only issues the
 * viewer can see. One search per 100 keys.
 */
import { ok } from '../core';
import type { JiraClient } from '../jira/client';
import type { JiraResult } from '../jira/http';

const KEYS_PER_SEARCH = 100;
/** A Jira issue key; anything else stored under a key is not put into JQL and so is never shown. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,17}$/;

export async function visibleKeys(jira: JiraClient, keys: readonly string[]): Promise<JiraResult<Set<string>>> {
  const wanted = [...new Set(keys)].filter((k) => ISSUE_KEY.test(k));
  const seen = new Set<string>();
  for (let i = 0; i < wanted.length; i += KEYS_PER_SEARCH) {
    const chunk = wanted.slice(i, i + KEYS_PER_SEARCH);
    const res = await jira.searchIssues(`key in (${chunk.join(', ')})`, ['key'], null, KEYS_PER_SEARCH);
    if (!res.ok) return res;
    for (const issue of res.value.issues) seen.add(issue.key);
  }
  return ok(new Set(wanted.filter((k) => seen.has(k))));
}
