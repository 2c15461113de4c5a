/**
 * Jira-shaped JSON for the emulated site's data (the shapes of Jira Cloud REST v3, checked by the
 * jira.js fidelity test). `base` is the site URL used in `self` links.
 */
import type { Comment, Issue, Named, Project, SiteData, Status, User } from './model';

export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

const CATEGORY = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export function userJson(base: string, u: User | undefined, id: string): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(id)}`,
    accountId: id,
    accountType: u?.accountType ?? 'atlassian',
    displayName: u?.displayName ?? 'Former user',
    ...(u?.emailAddress ? { emailAddress: u.emailAddress } : {}),
    active: u !== undefined,
    timeZone: u?.timeZone ?? 'UTC',
    avatarUrls: { '48x48': `${base}/host/avatar.svg`, '24x24': `${base}/host/avatar.svg`, '16x16': `${base}/host/avatar.svg`, '32x32': `${base}/host/avatar.svg` },
  };
}

export function statusJson(base: string, s: Status): Record<string, unknown> {
  const c = CATEGORY[s.category];
  return {
    self: `${base}/rest/api/3/status/${s.id}`, id: s.id, name: s.name, description: '', iconUrl: `${base}/host/status.svg`,
    statusCategory: { self: `${base}/rest/api/3/statuscategory/${c.id}`, ...c },
  };
}

export function priorityJson(base: string, p: Named): Record<string, unknown> {
  return { self: `${base}/rest/api/3/priority/${p.id}`, id: p.id, name: p.name, iconUrl: `${base}/host/priority.svg`, statusColor: '#ff8b00', description: p.name };
}

export function issueTypeJson(base: string, t: Named): Record<string, unknown> {
  return { self: `${base}/rest/api/3/issuetype/${t.id}`, id: t.id, name: t.name, description: '', iconUrl: `${base}/host/issuetype.svg`, subtask: false, hierarchyLevel: 0, avatarId: 10300 };
}

export function projectJson(base: string, p: Project): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${p.id}`, id: p.id, key: p.key, name: p.name, projectTypeKey: p.projectTypeKey,
    simplified: false, style: 'classic', isPrivate: false, properties: {},
    avatarUrls: { '48x48': `${base}/host/project.svg`, '24x24': `${base}/host/project.svg`, '16x16': `${base}/host/project.svg`, '32x32': `${base}/host/project.svg` },
  };
}

export function adf(text: string): Record<string, unknown> {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}

/** Plain text of an ADF document (or a plain string, which v2-style callers still send). */
export function adfText(body: unknown): string {
  if (typeof body === 'string') return body;
  const parts: string[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    const node = n as { text?: unknown; content?: unknown };
    if (typeof node.text === 'string') parts.push(node.text);
    if (Array.isArray(node.content)) node.content.forEach(walk);
  };
  walk(body);
  return parts.join('');
}

export function commentJson(base: string, data: SiteData, issue: Issue, c: Comment): Record<string, unknown> {
  const author = userJson(base, data.users.find((u) => u.accountId === c.authorId), c.authorId);
  return {
    self: `${base}/rest/api/3/issue/${issue.id}/comment/${c.id}`, id: c.id, author, updateAuthor: author,
    body: adf(c.text), created: jiraTime(c.created), updated: jiraTime(c.updated), jsdPublic: c.public,
    properties: c.public ? [] : [{ key: 'sd.public.comment', value: { internal: true } }],
  };
}

export function historyJson(base: string, data: SiteData, h: Issue['changelog'][number]): Record<string, unknown> {
  return {
    id: h.id, author: userJson(base, data.users.find((u) => u.accountId === h.authorId), h.authorId),
    created: jiraTime(h.created), items: h.items.map((i) => ({ ...i })),
  };
}
