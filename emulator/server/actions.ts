/**
 * Person-level actions on the emulated site (control API and host page): each goes through the
 * Jira REST routes as the acting user, so it is validated, recorded in the changelog and emits
 * the same product events a real user's change would.
 */
import type { Emulator } from '../app';
import { USERS } from '../jira/catalog';
import { SEVERITY_FIELD_ID, type Project } from '../jira/model';
import type { JiraResponse } from '../jira/api';
import { ownGet } from '../jira/own';

export type ActionResult = { status: number; body: unknown };

const ROLE_DEFAULT: Record<string, string> = {
  admin: USERS.admin, agent: USERS.agentAna, customer: USERS.customerCarla, ana: USERS.agentAna, ben: USERS.agentBen, carla: USERS.customerCarla, dan: USERS.customerDan,
};

/**
 * "admin" | "agent" | "customer" | a first name | an accountId → accountId; `fallback` when absent.
 * A name that matches nobody is returned as it is, so Jira refuses it (401 as the caller, 400 as a
 * field value) rather than the emulator silently substituting someone.
 */
export function resolveUser(emu: Emulator, who: unknown, fallback: string = USERS.admin): string {
  if (typeof who !== 'string' || who === '') return fallback;
  return ownGet(ROLE_DEFAULT, who.toLowerCase()) ?? emu.site.user(who)?.accountId ?? who;
}

/** The `as` of a control call when it names nobody (the call is then refused with Jira's 401). */
export function unknownActor(emu: Emulator, b: Body): string | null {
  if (typeof b.as !== 'string' || b.as === '') return null;
  return emu.site.user(resolveUser(emu, b.as)) ? null : b.as;
}

function jira(emu: Emulator, accountId: string, method: string, path: string, body?: unknown): JiraResponse {
  return emu.jira({ method, path, query: new URLSearchParams(), body, accountId });
}

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

type Body = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function createIssue(emu: Emulator, b: Body): JiraResponse {
  const reporter = resolveUser(emu, b.reporter ?? b.as, USERS.customerCarla);
  const fields: Body = {
    project: { key: str(b.project) ?? 'SUP' }, summary: str(b.summary) ?? 'New request',
    issuetype: { name: str(b.issueType) ?? 'Incident' }, reporter: { accountId: reporter },
  };
  if (str(b.priority)) fields.priority = { name: b.priority };
  if (str(b.severity)) fields[SEVERITY_FIELD_ID] = { value: b.severity };
  if (Array.isArray(b.labels)) fields.labels = b.labels;
  if (str(b.assignee)) fields.assignee = { accountId: resolveUser(emu, b.assignee) };
  // Further Jira fields as the REST API takes them (e.g. the outage date-time fields); Jira validates them.
  if (b.fields && typeof b.fields === 'object' && !Array.isArray(b.fields)) Object.assign(fields, b.fields);
  return jira(emu, resolveUser(emu, b.as, reporter), 'POST', '/rest/api/3/issue', { fields });
}

export function changeFields(emu: Emulator, key: string, b: Body): JiraResponse {
  const fields: Body = {};
  if (str(b.priority)) fields.priority = { name: b.priority };
  if (b.severity !== undefined) fields[SEVERITY_FIELD_ID] = str(b.severity) ? { value: b.severity } : null;
  if (str(b.summary)) fields.summary = b.summary;
  if (Array.isArray(b.labels)) fields.labels = b.labels;
  if (b.assignee !== undefined) fields.assignee = str(b.assignee) ? { accountId: resolveUser(emu, b.assignee) } : null;
  return jira(emu, resolveUser(emu, b.as, USERS.agentAna), 'PUT', `/rest/api/3/issue/${key}`, { fields });
}

export function transition(emu: Emulator, key: string, b: Body): JiraResponse {
  const wanted = String(b.status ?? '').toLowerCase();
  const status = emu.site.data.statuses.find((s) => s.id === wanted || s.name.toLowerCase() === wanted);
  if (!status) return { status: 400, body: { errorMessages: [`Unknown status '${String(b.status)}'. Known: ${emu.site.data.statuses.map((s) => s.name).join(', ')}`], errors: {} } };
  return jira(emu, resolveUser(emu, b.as, USERS.agentAna), 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: status.id } });
}

export function comment(emu: Emulator, key: string, b: Body): JiraResponse {
  const internal = b.internal === true;
  const body: Body = { body: adf(str(b.text) ?? '(no text)') };
  if (internal) body.properties = [{ key: 'sd.public.comment', value: { internal: true } }];
  return jira(emu, resolveUser(emu, b.as, USERS.agentAna), 'POST', `/rest/api/3/issue/${key}/comment`, body);
}

/**
 * A service-desk project led by the admin, like the seeded ones. Statuses, priorities, issue types
 * and the Severity field are site-wide in the emulator, so the project has the same ones.
 */
export function addServiceDeskProject(emu: Emulator, key: string, name: string): Project {
  const project = emu.site.addProject({ key, name, projectTypeKey: 'service_desk', leadAccountId: USERS.admin, admins: [] });
  emu.markDirty();
  return project;
}

const PROJECT_KEY = /^[A-Z][A-Z0-9]{1,9}$/;

/** POST /control/projects {key, name}: 201 with the project; 400 for a bad key or name, 409 if the key is taken. */
export function createProject(emu: Emulator, b: Body): ActionResult {
  const key = str(b.key) ?? '';
  const name = str(b.name)?.trim() ?? '';
  if (!PROJECT_KEY.test(key)) return { status: 400, body: { errorMessages: [], errors: { key: 'Project keys are 2–10 upper-case letters or digits, starting with a letter, e.g. "NEW".' } } };
  if (!name) return { status: 400, body: { errorMessages: [], errors: { name: 'Give the project a name.' } } };
  if (emu.site.project(key)) return { status: 409, body: { errorMessages: [`A project with key '${key}' already exists.`], errors: {} } };
  const p = addServiceDeskProject(emu, key, name);
  return { status: 201, body: { id: p.id, key: p.key, name: p.name, projectTypeKey: p.projectTypeKey, leadAccountId: p.leadAccountId } };
}

/** Parses "90m", "2h", "1d", or a number of milliseconds, into milliseconds. */
export function durationMs(b: Body): number | null {
  if (typeof b.ms === 'number') return b.ms;
  if (typeof b.minutes === 'number') return b.minutes * 60_000;
  if (typeof b.hours === 'number') return b.hours * 3_600_000;
  if (typeof b.days === 'number') return b.days * 86_400_000;
  const m = typeof b.by === 'string' ? /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(b.by.trim()) : null;
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
