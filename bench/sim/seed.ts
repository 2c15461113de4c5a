/**
 * A synthetic service-desk project with a year of history, written straight into the emulated site
 * (no events: this is the state the app finds when it is installed). Each issue gets a realistic
 * life: triage, work, waits for the customer with customer replies, priority changes, resolution,
 * sometimes a reopening; agents' and customers' comments, some internal. Deterministic per seed.
 */
import { STATUS, USERS } from '../../emulator/jira/catalog';
import { SEVERITY_FIELD_ID, type ChangeItem, type Comment, type Issue, type SiteData } from '../../emulator/jira/model';
import { rng } from '../rng';

export const PROJECT = { id: '10000', key: 'SUP' };
const MIN = 60_000;
const DAY = 24 * 60 * MIN;


const STATUS_NAMES: Record<string, string> = { [STATUS.waitingForSupport]: 'Waiting for support', [STATUS.inProgress]: 'In Progress', [STATUS.waitingForCustomer]: 'Waiting for customer', [STATUS.resolved]: 'Resolved' };
const PRIORITY_NAMES: Record<string, string> = { '1': 'Highest', '2': 'High', '3': 'Medium', '4': 'Low' };
const SEVERITIES = ['10200', '10201', '10202', '10203'];
const AGENTS = [USERS.agentAna, USERS.agentBen];
const CUSTOMERS = [USERS.customerCarla, USERS.customerDan];

export function addProject(data: SiteData): void {
  data.projects.push({ id: PROJECT.id, key: PROJECT.key, name: 'Support', projectTypeKey: 'service_desk', leadAccountId: USERS.admin, admins: [USERS.admin] });
}

interface Builder { issue: Issue; at: number; data: SiteData; r: () => number }

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

function change(b: Builder, author: string, items: ChangeItem[]): void {
  b.issue.changelog.push({ id: String(++b.data.counters.change), authorId: author, created: b.at, items });
}

function move(b: Builder, to: string, author: string): void {
  const from = b.issue.fields.status;
  const items: ChangeItem[] = [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from, fromString: STATUS_NAMES[from] ?? from, to, toString: STATUS_NAMES[to] ?? to }];
  const resolution = to === STATUS.resolved ? '10000' : null;
  if (resolution !== b.issue.fields.resolution) {
    items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: b.issue.fields.resolution, fromString: b.issue.fields.resolution ? 'Done' : null, to: resolution, toString: resolution ? 'Done' : null });
    b.issue.fields.resolution = resolution;
    b.issue.fields.resolutiondate = resolution ? b.at : null;
  }
  b.issue.fields.status = to;
  change(b, author, items);
}

function comment(b: Builder, author: string, isPublic = true): void {
  const c: Comment = { id: String(++b.data.counters.comment), authorId: author, text: 'Update', created: b.at, updated: b.at, public: isPublic };
  b.issue.comments.push(c);
}

/** Advances the builder's clock; false once the issue's story would reach the present. */
function wait(b: Builder, maxMs: number, now: number): boolean {
  b.at += Math.round(MIN + b.r() * maxMs);
  return b.at < now;
}

function life(b: Builder, now: number): void {
  const agent = b.issue.fields.assignee ?? USERS.agentAna;
  if (!wait(b, 2 * DAY, now)) return;
  move(b, STATUS.inProgress, agent);
  comment(b, agent);
  for (let loop = Math.floor(b.r() * 4); loop > 0; loop--) {
    if (!wait(b, DAY, now)) return;
    move(b, STATUS.waitingForCustomer, agent);
    if (!wait(b, 2 * DAY, now)) return;
    comment(b, b.issue.fields.reporter);
    move(b, STATUS.inProgress, agent);
    if (b.r() < 0.3 && wait(b, DAY, now)) comment(b, agent, false);
  }
  if (b.r() < 0.25 && wait(b, DAY, now)) {
    const to = pick(b.r, ['1', '2', '3', '4']);
    if (to !== b.issue.fields.priority) change(b, agent, [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: b.issue.fields.priority, fromString: PRIORITY_NAMES[b.issue.fields.priority ?? ''] ?? null, to, toString: PRIORITY_NAMES[to] ?? to }]);
    b.issue.fields.priority = to;
  }
  if (!wait(b, 3 * DAY, now)) return;
  move(b, STATUS.resolved, agent);
  if (b.r() < 0.05 && wait(b, 5 * DAY, now)) {
    comment(b, b.issue.fields.reporter);
    move(b, STATUS.waitingForSupport, b.issue.fields.reporter);
    if (wait(b, 2 * DAY, now)) move(b, STATUS.resolved, agent);
  }
}

/** Adds `count` issues created over the year before `now`, oldest first. */
export function seedIssues(data: SiteData, count: number, now: number, seed = 11): void {
  const r = rng(seed);
  const created = Array.from({ length: count }, () => now - Math.round(r() * 365 * DAY)).sort((a, b) => a - b);
  for (const at of created) {
    const n = (data.counters.keyByProject[PROJECT.key] ?? 0) + 1;
    data.counters.keyByProject[PROJECT.key] = n;
    const issue: Issue = {
      id: String(++data.counters.issue), key: `${PROJECT.key}-${n}`, projectId: PROJECT.id, created: at, updated: at, creatorId: USERS.customerCarla,
      fields: {
        summary: `Request ${n}`, issuetype: pick(r, ['10100', '10101', '10102']), status: STATUS.waitingForSupport, priority: pick(r, ['2', '3', '3', '4']),
        resolution: null, resolutiondate: null, assignee: pick(r, AGENTS), reporter: pick(r, CUSTOMERS), labels: [], custom: { [SEVERITY_FIELD_ID]: pick(r, SEVERITIES) },
      },
      changelog: [], comments: [], properties: {},
    };
    life({ issue, at, data, r }, now);
    issue.updated = Math.max(at, ...issue.changelog.map((h) => h.created), ...issue.comments.map((c) => c.created));
    data.issues.push(issue);
  }
}
