/**
 * A small in-memory Jira that answers the REST calls the app makes, with the platform behaviour the
 * app must survive: 404 for a deleted issue, 429 with Retry-After on demand, the 32 KB issue property
 * limit, paginated changelog and comments beyond what the issue read inlines. Every call is logged so
 * tests can count Jira requests.
 */
import type { Route } from '@forge/api';
import type { RequestInitLike, ResponseLike } from '../../src/jira/http';
import { SLA_PROPERTY_MAX_BYTES } from '@contract';

export interface FakeHistory { id: string; created: string; items: Array<{ field: string; from: string | null; to: string | null; [more: string]: string | null | undefined }> }
export interface FakeComment { id: string; created: string; author: { accountId: string; accountType: string }; jsdPublic?: boolean }
export interface FakeIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  histories: FakeHistory[];
  comments: FakeComment[];
  properties: Record<string, unknown>;
}

type SearchBody = { jql: string; nextPageToken?: string; maxResults: number; fields?: string[]; properties?: string[] };

export interface Call { method: string; path: string; body?: unknown; as: string }

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: { get: (n: string) => headers[n] ?? headers[n.toLowerCase()] ?? null },
  text: async () => (body === undefined ? '' : JSON.stringify(body)),
});

export class FakeJira {
  readonly issues = new Map<string, FakeIssue>();
  readonly calls: Call[] = [];
  /** accountId -> permission key -> granted, for mypermissions. */
  readonly grants = new Map<string, Set<string>>();
  statuses = [{ id: '1', name: 'Open', statusCategory: { key: 'new' } }, { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } }, { id: '5', name: 'Done', statusCategory: { key: 'done' } }];
  /** Create-issue metadata of every project: issue type id -> its create-screen fields. */
  createMeta: Record<string, Array<Record<string, unknown>>> = {};
  inlineHistories = 100;
  inlineComments = 100;
  private readonly failures: Array<{ match: (c: Call) => boolean; status: number; headers: Record<string, string> }> = [];
  comments = 0;
  /** Bulk property tasks: the failed issues of each, by task id - 1. */
  readonly tasks: Array<Record<string, string>> = [];

  /** The next matching call answers `status` (e.g. 429 with Retry-After) instead. */
  failNext(match: (c: Call) => boolean, status: number, headers: Record<string, string> = {}): void {
    this.failures.push({ match, status, headers });
  }

  /** Issue-level security: accountId -> ids of issues hidden from that user (searches as them leave them out). */
  readonly hidden = new Map<string, Set<string>>();

  hideFrom(accountId: string, ...issueIds: string[]): void {
    this.hidden.set(accountId, new Set([...(this.hidden.get(accountId) ?? []), ...issueIds]));
  }

  grant(accountId: string, ...permissions: string[]): void {
    this.grants.set(accountId, new Set([...(this.grants.get(accountId) ?? []), ...permissions]));
  }

  transport(as = 'app') {
    return async (route: Route, init: RequestInitLike): Promise<ResponseLike> => {
      const call: Call = { method: init.method, path: route.value, body: init.body ? JSON.parse(init.body) : undefined, as };
      this.calls.push(call);
      const i = this.failures.findIndex((f) => f.match(call));
      if (i >= 0) {
        const [f] = this.failures.splice(i, 1);
        return reply(f!.status, { errorMessages: ['injected'] }, f!.headers);
      }
      return this.answer(call);
    };
  }

  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'GET' && !c.path.startsWith('/rest/api/3/search'));
  }

  private answer(c: Call): ResponseLike {
    const url = new URL(c.path, 'https://fake.atlassian.net');
    const p = url.pathname;
    const q = url.searchParams;
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^\/rest\/api\/3\/issue\/([^/]+)$/))) return c.method === 'GET' ? this.getIssue(m[1]!, q) : this.editIssue(m[1]!, c.body);
    if ((m = p.match(/^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/))) return this.page(m[1]!, q, 'histories');
    if ((m = p.match(/^\/rest\/api\/3\/issue\/([^/]+)\/comment$/))) return c.method === 'GET' ? this.page(m[1]!, q, 'comments') : this.addComment(m[1]!, c);
    if ((m = p.match(/^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/))) return this.property(m[1]!, m[2]!, c);
    if ((m = p.match(/^\/rest\/api\/3\/issue\/([^/]+)\/notify$/))) return this.issues.has(m[1]!) ? reply(204) : reply(404);
    if ((m = p.match(/^\/rest\/api\/3\/issue\/createmeta\/[^/]+\/issuetypes(?:\/([^/]+))?$/))) return this.createMetaPage(m[1], q);
    if (p === '/rest/api/3/status') return reply(200, this.statuses);
    if (p === '/rest/api/3/priority') return reply(200, [{ id: '2', name: 'High' }, { id: '3', name: 'Medium' }]);
    if (p === '/rest/api/3/issuetype') return reply(200, [{ id: '10001', name: 'Bug' }]);
    if (p === '/rest/api/3/field') return reply(200, []);
    if (p === '/rest/api/3/search/jql') return this.search(c.body as SearchBody, c.as);
    if (p === '/rest/api/3/changelog/bulkfetch') return this.bulkChangelogs(c.body as { issueIdsOrKeys: string[]; fieldIds?: string[] });
    if ((m = p.match(/^\/rest\/api\/3\/issue\/properties\/([^/]+)$/)) && c.method === 'DELETE') return this.deleteBulk(m[1]!, c.body as { entityIds?: number[] });
    if (p === '/rest/api/3/issue/properties/multi') return this.setMulti(c.body as { issues: Array<{ issueID: number; properties: Record<string, unknown> }> });
    if ((m = p.match(/^\/rest\/api\/3\/task\/([^/]+)$/))) return this.task(m[1]!);
    if (p === '/rest/api/3/search/approximate-count') return reply(200, { count: this.matching(String((c.body as { jql: string }).jql)).filter(this.visibleTo(c.as)).length });
    if (p === '/rest/api/3/mypermissions') return this.myPermissions(c.as, q);
    return reply(501, { errorMessages: [`not modelled: ${c.method} ${p}`] });
  }

  private createMetaPage(issueTypeId: string | undefined, q: URLSearchParams): ResponseLike {
    const startAt = Number(q.get('startAt') ?? 0);
    const maxResults = Number(q.get('maxResults') ?? 50);
    const all = issueTypeId === undefined ? Object.keys(this.createMeta).map((id) => ({ id, name: `Type ${id}` })) : this.createMeta[issueTypeId];
    if (!all) return reply(404, { errorMessages: ['Issue type not found'] });
    const key = issueTypeId === undefined ? 'issueTypes' : 'fields';
    return reply(200, { startAt, maxResults, total: all.length, [key]: all.slice(startAt, startAt + maxResults) });
  }

  private getIssue(id: string, q: URLSearchParams): ResponseLike {
    const issue = this.issues.get(id);
    if (!issue) return reply(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
    const wanted = (q.get('fields') ?? '').split(',');
    const fields: Record<string, unknown> = {};
    for (const f of wanted) if (f in issue.fields) fields[f] = issue.fields[f];
    if (wanted.includes('comment')) fields.comment = { startAt: 0, maxResults: this.inlineComments, total: issue.comments.length, comments: issue.comments.slice(0, this.inlineComments) };
    const changelog = q.get('expand')?.includes('changelog')
      ? { startAt: 0, maxResults: this.inlineHistories, total: issue.histories.length, histories: issue.histories.slice(-this.inlineHistories).reverse() }
      : undefined;
    const props = (q.get('properties') ?? '').split(',').filter((k) => k in issue.properties);
    return reply(200, { id: issue.id, key: issue.key, fields, changelog, properties: Object.fromEntries(props.map((k) => [k, issue.properties[k]])) });
  }

  private page(id: string, q: URLSearchParams, kind: 'histories' | 'comments'): ResponseLike {
    const issue = this.issues.get(id);
    if (!issue) return reply(404);
    const startAt = Number(q.get('startAt') ?? 0);
    const max = Number(q.get('maxResults') ?? 50);
    const all = issue[kind];
    const slice = all.slice(startAt, startAt + max);
    const body = kind === 'histories' ? { startAt, maxResults: max, total: all.length, isLast: startAt + max >= all.length, values: slice } : { startAt, maxResults: max, total: all.length, comments: slice };
    return reply(200, body);
  }

  private property(id: string, key: string, c: Call): ResponseLike {
    const issue = this.issues.get(id);
    if (!issue) return reply(404);
    if (c.method === 'DELETE') return key in issue.properties ? (delete issue.properties[key], reply(204)) : reply(404);
    if (c.method === 'GET') return key in issue.properties ? reply(200, { key, value: issue.properties[key] }) : reply(404);
    if (JSON.stringify(c.body).length > SLA_PROPERTY_MAX_BYTES) return reply(400, { errorMessages: ['The property value is too long.'] });
    const existed = key in issue.properties;
    issue.properties[key] = c.body;
    return reply(existed ? 200 : 201);
  }

  private addComment(id: string, _c: Call): ResponseLike {
    const issue = this.issues.get(id);
    if (!issue) return reply(404);
    this.comments++;
    issue.comments.push({ id: `c${1000 + this.comments}`, created: new Date(0).toISOString(), author: { accountId: 'app-user', accountType: 'app' } });
    return reply(201, { id: `c${1000 + this.comments}` });
  }

  private editIssue(id: string, body: unknown): ResponseLike {
    const issue = this.issues.get(id);
    if (!issue) return reply(404);
    const adds = ((body as { update?: { labels?: Array<{ add: string }> } }).update?.labels ?? []).map((l) => l.add);
    issue.fields.labels = [...new Set([...((issue.fields.labels as string[]) ?? []), ...adds])];
    return reply(204);
  }

  private openIssues(jql: string): FakeIssue[] {
    const project = jql.match(/project = (\S+)/)?.[1];
    // A bare project clause (the report's viewer scope) matches every issue of the project.
    if (/^project = \S+$/.test(jql)) return [...this.issues.values()].filter((i) => (i.fields.project as { id: string }).id === project);
    const open = jql.includes('resolution is EMPTY');
    return [...this.issues.values()].filter((i) => (i.fields.project as { id: string }).id === project && (i.fields.resolution === null || i.fields.resolution === undefined) === open);
  }

  /**
   * The JQL shapes the app sends: `key in (…)`, the gadget's `sla` alias searches (matched on the
   * stored property, narrowing only as far as the app relies on), else project plus resolution.
   */
  private matching(jql: string): FakeIssue[] {
    const keys = jql.match(/key in \(([^)]*)\)/)?.[1];
    if (keys !== undefined) {
      const wanted = new Set(keys.split(',').map((k) => k.trim()));
      return [...this.issues.values()].filter((i) => wanted.has(i.key));
    }
    if (jql.includes('slaPolicyVersion is not EMPTY')) return [...this.issues.values()].filter((i) => (i.fields.project as { id: string }).id === jql.match(/project = (\S+)/)?.[1] && 'sla' in i.properties);
    if (!jql.includes('slaNextDue') && !jql.includes('slaBreachedMetrics')) return this.openIssues(jql);
    const project = jql.match(/project = (\S+)/)?.[1];
    const breachedKey = jql.match(/slaBreachedMetrics = "([^"]+)"/)?.[1];
    return [...this.issues.values()].filter((i) => {
      const sla = i.properties.sla as { nextDue?: string | null; breachedMetrics?: string[] } | undefined;
      if ((i.fields.project as { id: string }).id !== project || !sla) return false;
      return breachedKey === undefined ? Boolean(sla.nextDue) : (sla.breachedMetrics ?? []).includes(breachedKey);
    });
  }

  /** A user sees nothing without Browse projects, and never an issue hidden from them. */
  private visibleTo(as: string): (i: FakeIssue) => boolean {
    if (as === 'app') return () => true;
    const browse = this.grants.get(as)?.has('BROWSE_PROJECTS') === true;
    return (i) => browse && !this.hidden.get(as)?.has(i.id);
  }

  private search(body: SearchBody, as: string): ResponseLike {
    const after = Number(body.jql.match(/id > (\d+)/)?.[1] ?? -1);
    const all = this.matching(body.jql).filter((i) => Number(i.id) > after && this.visibleTo(as)(i));
    const start = Number(body.nextPageToken ?? 0);
    const slice = all.slice(start, start + body.maxResults);
    const next = start + body.maxResults < all.length ? String(start + body.maxResults) : undefined;
    const view = (i: FakeIssue) => {
      if (!body.fields || body.fields.join() === 'id') return { id: i.id };
      const fields: Record<string, unknown> = Object.fromEntries(body.fields.filter((f) => f in i.fields).map((f) => [f, i.fields[f]]));
      if (body.fields.includes('comment')) fields.comment = { startAt: 0, maxResults: this.inlineComments, total: i.comments.length, comments: i.comments.slice(0, this.inlineComments) };
      const properties = Object.fromEntries((body.properties ?? []).filter((k) => k in i.properties).map((k) => [k, i.properties[k]]));
      return { id: i.id, key: i.key, fields, properties };
    };
    return reply(200, { issues: slice.map(view), nextPageToken: next });
  }

  private bulkChangelogs(body: { issueIdsOrKeys: string[]; fieldIds?: string[] }): ResponseLike {
    const keep = (h: FakeHistory) => ({ ...h, items: h.items.filter((it) => !body.fieldIds || body.fieldIds.includes(String(it.fieldId ?? it.field))) });
    const logs = body.issueIdsOrKeys.flatMap((id) => {
      const issue = this.issues.get(id);
      return issue ? [{ issueId: id, changeHistories: issue.histories.map(keep).filter((h) => h.items.length > 0) }] : [];
    });
    return reply(200, { issueChangeLogs: logs, nextPageToken: null });
  }

  /** Bulk property writes apply at once; the task then reports which issues failed. */
  private setMulti(body: { issues: Array<{ issueID: number; properties: Record<string, unknown> }> }): ResponseLike {
    const failed: Record<string, string> = {};
    for (const e of body.issues) {
      const issue = this.issues.get(String(e.issueID));
      if (!issue) failed[String(e.issueID)] = 'Issue does not exist';
      else Object.assign(issue.properties, e.properties);
    }
    const id = String(this.tasks.push(failed));
    return reply(303, { taskId: id }, { Location: `https://fake.atlassian.net/rest/api/3/task/${id}` });
  }

  /** Bulk property deletes apply at once, like the writes; no `entityIds` means every issue. */
  private deleteBulk(key: string, body: { entityIds?: number[] }): ResponseLike {
    const failed: Record<string, string> = {};
    for (const id of body.entityIds?.map(String) ?? [...this.issues.keys()]) {
      const issue = this.issues.get(id);
      if (!issue) failed[id] = 'Issue does not exist';
      else delete issue.properties[key];
    }
    const id = String(this.tasks.push(failed));
    return reply(303, { taskId: id }, { Location: `https://fake.atlassian.net/rest/api/3/task/${id}` });
  }

  private task(id: string): ResponseLike {
    const failed = this.tasks[Number(id) - 1];
    return failed ? reply(200, { id, status: 'COMPLETE', result: { failedIssues: failed } }) : reply(404);
  }

  private myPermissions(as: string, q: URLSearchParams): ResponseLike {
    const issueId = q.get('issueId');
    if (issueId && !this.issues.has(issueId)) return reply(404);
    const granted = this.grants.get(as) ?? new Set<string>();
    const perms = (q.get('permissions') ?? '').split(',');
    return reply(200, { permissions: Object.fromEntries(perms.map((k) => [k, { key: k, havePermission: granted.has(k) }])) });
  }
}
