/**
 * Product event payloads as Forge delivers them to trigger functions: a partial issue (a few
 * fields only, as documented), the changelog for updates, the comment for comment events, and
 * `timestamp` as a string of epoch milliseconds.
 */
import { commentJson } from '../jira/format';
import { issueJson } from '../jira/format-issue';
import type { JiraSite, SiteEvent } from '../jira/site';

const EVENT_FIELDS = ['summary', 'issuetype', 'project', 'status', 'created', 'updated', 'reporter', 'assignee', 'creator', 'labels'];

export function eventPayload(site: JiraSite, base: string, e: SiteEvent): Record<string, unknown> | null {
  const issue = site.issue(e.issueId);
  if (!issue) return null;
  const partial = issueJson(base, site.data, issue, { fields: EVENT_FIELDS, expandChangelog: false, properties: [] });
  const payload: Record<string, unknown> = {
    eventType: e.type,
    selfGenerated: e.selfGenerated,
    timestamp: String(e.at),
    atlassianId: e.actorId,
    issue: { id: partial.id, key: partial.key, fields: partial.fields },
    associatedUsers: [{ accountId: e.actorId }],
  };
  if (e.changelog) payload.changelog = { id: e.changelog.id, items: e.changelog.items };
  if (e.type === 'avi:jira:updated:issue' && e.changelog?.items.some((i) => i.fieldId === 'status')) {
    payload.associatedStatuses = site.data.statuses.filter((s) => e.changelog?.items.some((i) => i.fieldId === 'status' && (i.from === s.id || i.to === s.id))).map((s) => ({ id: s.id, name: s.name }));
  }
  if (e.commentId) {
    const c = issue.comments.find((x) => x.id === e.commentId);
    payload.comment = c ? commentJson(base, site.data, issue, c) : { id: e.commentId };
  }
  return payload;
}
