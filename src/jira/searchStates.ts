/**
 * One page of a JQL search returning, per issue, only what the reconciliation pass needs to judge its
 * stored SLA state without reading the issue: its `updated` instant and its `sla` property.
 * POST /rest/api/3/search/jql with `fields: ["updated"]` and `properties: ["sla"]`.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { SLA_PROPERTY_KEY } from '../contract';
import type { JiraResult } from './http';
import { andThen, type Requester } from './request';

export interface IssueState {
  id: string;
  /** Jira's `updated` as sent (null when absent). */
  updated: string | null;
  /** The `sla` property, undefined when the issue has none. */
  sla: unknown;
}

const pageSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      fields: z.object({ updated: z.string().nullable().optional() }).passthrough().optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().nullable().optional(),
});

export async function searchIssueStates(req: Requester, jql: string, nextPageToken: string | null, maxResults: number): Promise<JiraResult<{ issues: IssueState[]; nextPageToken: string | null }>> {
  const body = { jql, maxResults, fields: ['updated'], properties: [SLA_PROPERTY_KEY], ...(nextPageToken ? { nextPageToken } : {}) };
  const res = await req.json(pageSchema, route`/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify(body) });
  return andThen(res, (p) => ({
    issues: p.issues.map((i) => ({ id: i.id, updated: i.fields?.updated ?? null, sla: i.properties?.[SLA_PROPERTY_KEY] })),
    nextPageToken: p.nextPageToken ?? null,
  }));
}
