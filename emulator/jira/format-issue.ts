/**
 * An issue as Jira returns it, honouring `fields` (`*all`, `*navigable`, a list, `-field`),
 * `expand=changelog` and `properties`.
 */
import type { Issue, SiteData } from './model';
import { adf, commentJson, historyJson, issueTypeJson, jiraTime, priorityJson, projectJson, statusJson, userJson } from './format';
import { ownGet, ownHas } from './own';
import { ISSUE_SECURITY_LEVELS } from './permissions';

/** `publicCommentsOnly`: the viewer is a customer, who never sees internal notes. */
export interface IssueView { fields: string[] | null; expandChangelog: boolean; properties: string[]; publicCommentsOnly?: boolean }

/** Parses Jira's `fields` parameter; null means every field. */
export function parseFieldList(raw: string[] | string | undefined, fallback: string[] | null): string[] | null {
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : raw.split(',')).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) return fallback;
  if (list.includes('*all') || list.includes('*navigable')) return null;
  return list;
}

function fieldValues(base: string, data: SiteData, issue: Issue, publicCommentsOnly: boolean): Record<string, unknown> {
  const comments = publicCommentsOnly ? issue.comments.filter((c) => c.public) : issue.comments;
  const f = issue.fields;
  const user = (id: string | null) => (id ? userJson(base, data.users.find((u) => u.accountId === id), id) : null);
  const status = data.statuses.find((s) => s.id === f.status);
  const priority = data.priorities.find((p) => p.id === f.priority);
  const type = data.issueTypes.find((t) => t.id === f.issuetype);
  const project = data.projects.find((p) => p.id === issue.projectId);
  const resolution = data.resolutions.find((r) => r.id === f.resolution);
  const out: Record<string, unknown> = {
    summary: f.summary,
    description: adf(''),
    issuetype: type ? issueTypeJson(base, type) : null,
    project: project ? projectJson(base, project) : null,
    status: status ? statusJson(base, status) : null,
    priority: priority ? priorityJson(base, priority) : null,
    resolution: resolution ? { self: `${base}/rest/api/3/resolution/${resolution.id}`, id: resolution.id, name: resolution.name, description: '' } : null,
    resolutiondate: f.resolutiondate ? jiraTime(f.resolutiondate) : null,
    assignee: user(f.assignee),
    reporter: user(f.reporter),
    creator: user(issue.creatorId),
    labels: [...f.labels],
    security: f.security ? { id: f.security, name: ownGet(ISSUE_SECURITY_LEVELS, f.security)?.name ?? '' } : null,
    created: jiraTime(issue.created),
    updated: jiraTime(issue.updated),
    comment: {
      self: `${base}/rest/api/3/issue/${issue.id}/comment`, startAt: 0, maxResults: comments.length, total: comments.length,
      comments: comments.map((c) => commentJson(base, data, issue, c)),
    },
  };
  for (const sf of data.selectFields) {
    const option = sf.options.find((o) => o.id === f.custom[sf.id]);
    out[sf.id] = option ? { self: `${base}/rest/api/3/customFieldOption/${option.id}`, id: option.id, value: option.value } : null;
  }
  return out;
}

export function issueJson(base: string, data: SiteData, issue: Issue, view: IssueView): Record<string, unknown> {
  const all = fieldValues(base, data, issue, view.publicCommentsOnly === true);
  const fields: Record<string, unknown> = {};
  const wanted = view.fields;
  for (const [k, v] of Object.entries(all)) {
    if (wanted === null || (wanted.includes(k) && !wanted.includes(`-${k}`))) fields[k] = v;
  }
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id, self: `${base}/rest/api/3/issue/${issue.id}`, key: issue.key, fields,
  };
  if (view.expandChangelog) {
    // Jira embeds only the most recent histories here, newest first; the paginated /changelog is complete.
    const histories = [...issue.changelog].reverse().slice(0, 100).map((h) => historyJson(base, data, h));
    out.changelog = { startAt: 0, maxResults: histories.length, total: issue.changelog.length, histories };
  }
  const props = view.properties.filter((k) => ownHas(issue.properties, k));
  if (view.properties.length > 0) out.properties = Object.fromEntries(props.map((k) => [k, issue.properties[k]]));
  return out;
}
