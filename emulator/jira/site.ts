/**
 * The emulated Jira site: every write goes through here so the changelog is recorded on every
 * change and an issue event is emitted for the Forge runtime. `selfGenerated` marks writes the app
 * made itself (through requestJira), which `ignoreSelf` triggers never see.
 */
import type { ChangeItem, Issue, IssueFields, Project, SiteData, User } from './model';
import { emptySite } from './catalog';
import { describeValue, fieldMeta } from './fields';

export type SiteEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue'
  | 'avi:jira:commented:issue' | 'avi:jira:updated:comment' | 'avi:jira:deleted:comment';

export interface SiteEvent {
  type: SiteEventType;
  issueId: string;
  actorId: string;
  selfGenerated: boolean;
  at: number;
  changelog?: { id: string; items: ChangeItem[] };
  commentId?: string;
}

export interface Actor { accountId: string; self: boolean }

export type FieldPatch = Partial<Omit<IssueFields, 'custom' | 'status' | 'resolutiondate'>> & { custom?: Record<string, string | null> };

export class JiraSite {
  data: SiteData;
  /** Bodies sent to /notify, newest last, for tests and the host page to inspect. */
  readonly notifications: Array<{ issueId: string; at: number; body: unknown }> = [];
  private readonly listeners: Array<(e: SiteEvent) => void> = [];
  private byIdOrKey = new Map<string, Issue>();
  private indexed: Issue[] | null = null;
  private indexedLength = -1;

  constructor(private readonly now: () => number, data: SiteData = emptySite()) {
    this.data = data;
  }

  onEvent(listener: (e: SiteEvent) => void): void {
    this.listeners.push(listener);
  }

  replace(data: SiteData): void {
    this.data = data;
  }

  user(accountId: string): User | undefined {
    return this.data.users.find((u) => u.accountId === accountId);
  }

  project(idOrKey: string): Project | undefined {
    return this.data.projects.find((p) => p.id === idOrKey || p.key === idOrKey);
  }

  issue(idOrKey: string): Issue | undefined {
    // Indexed so a site of 100,000 issues answers lookups in constant time; rebuilt when the list changes.
    if (this.indexed !== this.data.issues || this.indexedLength !== this.data.issues.length) {
      this.byIdOrKey = new Map(this.data.issues.flatMap((i) => [[i.id, i], [i.key, i]]));
      this.indexed = this.data.issues;
      this.indexedLength = this.data.issues.length;
    }
    const hit = this.byIdOrKey.get(idOrKey);
    return hit && (hit.id === idOrKey || hit.key === idOrKey) ? hit : undefined;
  }

  addProject(p: Omit<Project, 'id'> & { id?: string }): Project {
    const project: Project = { ...p, id: p.id ?? String(10000 + this.data.projects.length) };
    this.data.projects.push(project);
    return project;
  }

  createIssue(projectIdOrKey: string, fields: FieldPatch & { summary: string; issuetype: string }, actor: Actor): Issue {
    const project = this.project(projectIdOrKey);
    if (!project) throw new Error(`unknown project ${projectIdOrKey}`);
    const at = this.now();
    const n = (this.data.counters.keyByProject[project.key] ?? 0) + 1;
    this.data.counters.keyByProject[project.key] = n;
    const issue: Issue = {
      id: String(++this.data.counters.issue), key: `${project.key}-${n}`, projectId: project.id,
      created: at, updated: at, creatorId: actor.accountId,
      fields: {
        summary: fields.summary, issuetype: fields.issuetype, status: this.data.statuses[0]?.id ?? '1',
        priority: fields.priority ?? '3', resolution: null, resolutiondate: null,
        assignee: fields.assignee ?? null, reporter: fields.reporter ?? actor.accountId,
        labels: fields.labels ?? [], custom: { ...(fields.custom ?? {}) }, security: fields.security ?? null,
      },
      changelog: [], comments: [], properties: {},
    };
    this.data.issues.push(issue);
    this.emit({ type: 'avi:jira:created:issue', issueId: issue.id, actorId: actor.accountId, selfGenerated: actor.self, at });
    return issue;
  }

  /** Applies field changes, recording one changelog history with an item per changed field. */
  editIssue(issue: Issue, patch: FieldPatch, actor: Actor): ChangeItem[] {
    const items: ChangeItem[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (field === 'custom' || value === undefined) continue;
      const from = (issue.fields as unknown as Record<string, unknown>)[field];
      if (sameValue(from, value)) continue;
      items.push(this.item(field, from, value));
      (issue.fields as unknown as Record<string, unknown>)[field] = value;
    }
    for (const [fieldId, value] of Object.entries(patch.custom ?? {})) {
      const from = issue.fields.custom[fieldId] ?? null;
      if (from === value) continue;
      items.push(this.item(fieldId, from, value));
      issue.fields.custom[fieldId] = value;
    }
    this.record(issue, items, actor);
    return items;
  }

  /** Moves to a status; entering a done status sets the resolution, leaving one clears it. */
  transition(issue: Issue, statusId: string, actor: Actor, resolutionId?: string): ChangeItem[] {
    const target = this.data.statuses.find((s) => s.id === statusId);
    if (!target) throw new Error(`unknown status ${statusId}`);
    const items = [this.item('status', issue.fields.status, statusId)];
    issue.fields.status = statusId;
    const resolution = target.category === 'done' ? (resolutionId ?? issue.fields.resolution ?? '10000') : null;
    if (resolution !== issue.fields.resolution) {
      items.push(this.item('resolution', issue.fields.resolution, resolution));
      issue.fields.resolution = resolution;
      issue.fields.resolutiondate = resolution ? this.now() : null;
    }
    this.record(issue, items, actor);
    return items;
  }

  addComment(issue: Issue, text: string, isPublic: boolean, actor: Actor): string {
    const at = this.now();
    const id = String(++this.data.counters.comment);
    issue.comments.push({ id, authorId: actor.accountId, text, created: at, updated: at, public: isPublic });
    issue.updated = at;
    this.emit({ type: 'avi:jira:commented:issue', issueId: issue.id, actorId: actor.accountId, selfGenerated: actor.self, at, commentId: id });
    return id;
  }

  editComment(issue: Issue, commentId: string, text: string, actor: Actor): void {
    const c = issue.comments.find((x) => x.id === commentId);
    if (!c) return;
    c.text = text;
    c.updated = this.now();
    this.emit({ type: 'avi:jira:updated:comment', issueId: issue.id, actorId: actor.accountId, selfGenerated: actor.self, at: c.updated, commentId });
  }

  deleteComment(issue: Issue, commentId: string, actor: Actor): boolean {
    const before = issue.comments.length;
    issue.comments = issue.comments.filter((c) => c.id !== commentId);
    if (issue.comments.length === before) return false;
    this.emit({ type: 'avi:jira:deleted:comment', issueId: issue.id, actorId: actor.accountId, selfGenerated: actor.self, at: this.now(), commentId });
    return true;
  }

  /** Emits before removing, so listeners can still describe the issue in the event payload. */
  deleteIssue(issue: Issue, actor: Actor): void {
    this.emit({ type: 'avi:jira:deleted:issue', issueId: issue.id, actorId: actor.accountId, selfGenerated: actor.self, at: this.now() });
    this.data.issues = this.data.issues.filter((i) => i.id !== issue.id);
  }

  private item(fieldId: string, from: unknown, to: unknown): ChangeItem {
    const meta = fieldMeta(this.data, fieldId);
    const fromV = describeValue(this.data, fieldId, from);
    const toV = describeValue(this.data, fieldId, to);
    return { field: meta.name, fieldtype: meta.custom ? 'custom' : 'jira', fieldId, from: fromV.id, fromString: fromV.text, to: toV.id, toString: toV.text };
  }

  private record(issue: Issue, items: ChangeItem[], actor: Actor): void {
    if (items.length === 0) return;
    const at = this.now();
    const id = String(++this.data.counters.change);
    issue.changelog.push({ id, authorId: actor.accountId, created: at, items });
    issue.updated = at;
    this.emit({ type: 'avi:jira:updated:issue', issueId: issue.id, actorId: actor.accountId, selfGenerated: actor.self, at, changelog: { id, items } });
  }

  private emit(e: SiteEvent): void {
    for (const l of this.listeners) l(e);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
