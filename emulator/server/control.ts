/**
 * The control HTTP API (/control/...) used by tests, demos and the host page: create projects and
 * issues, transition, comment, change fields, move the clock, run the sweep, inject faults, wait
 * for the queue to drain, invoke a resolver as a user, uninstall the app, and reset.
 */
import type { Emulator } from '../app';
import { clearFaults, updateFaults } from '../faults';
import { handleLimitsControl } from './control-limits';
import { changeFields, comment, createIssue, createProject, durationMs, resolveUser, transition, unknownActor, type ActionResult } from './actions';
import { UNAUTHENTICATED } from '../jira/api';

type Body = Record<string, unknown>;
export type Reseed = () => Promise<void>;

function state(emu: Emulator): unknown {
  return {
    now: emu.clock.now(), nowIso: new Date(emu.clock.now()).toISOString(), clockOffsetMs: emu.clock.offsetMs(),
    runtime: emu.runtime ? { pending: emu.runtime.pump.pending(), counters: emu.runtime.counters, deadLetters: emu.runtime.pump.deadLetters } : null,
    faults: emu.faults,
    users: emu.site.data.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName, role: u.role, accountType: u.accountType, timeZone: u.timeZone })),
    projects: emu.site.data.projects.map((p) => ({ id: p.id, key: p.key, name: p.name })),
    uiModules: emu.runtime?.manifest.uiModules.map((m) => ({ key: m.key, type: m.type })) ?? [],
    issues: emu.site.data.issues.length,
    notifications: emu.site.notifications.length,
  };
}

/** Person-level writes settle (events, queue) before answering, so callers see the result. */
async function settled(emu: Emulator, r: { status: number; body?: unknown }, wait: boolean): Promise<ActionResult> {
  if (wait && r.status < 300) await emu.drain();
  return { status: r.status, body: r.body ?? {} };
}

export async function handleControl(emu: Emulator, method: string, path: string, b: Body, reseed: Reseed): Promise<ActionResult> {
  const wait = b.wait !== false;
  const issueRoute = /^\/control\/issues\/([^/]+)\/(transition|comment|fields)$/.exec(path);
  const limits = handleLimitsControl(emu, method, path, b);
  if (limits) return limits;
  if (method === 'GET' && path === '/control/state') return { status: 200, body: state(emu) };
  if (method === 'GET' && path === '/control/log') return { status: 200, body: { lines: emu.logLines.slice(-300) } };
  if (method === 'GET' && path === '/control/notifications') return { status: 200, body: { notifications: emu.site.notifications } };
  if (method !== 'POST' && !(method === 'DELETE' && path === '/control/faults')) return { status: 404, body: { message: `not emulated: ${method} ${path}` } };
  if (unknownActor(emu, b)) return { status: UNAUTHENTICATED.status, body: UNAUTHENTICATED.body };
  if (path === '/control/projects') return createProject(emu, b);
  if (path === '/control/issues') return settled(emu, createIssue(emu, b), wait);
  if (issueRoute) {
    const key = decodeURIComponent(issueRoute[1] ?? '');
    const act = issueRoute[2] === 'transition' ? transition : issueRoute[2] === 'comment' ? comment : changeFields;
    return settled(emu, act(emu, key, b), wait);
  }
  switch (path) {
    case '/control/clock/advance': {
      const ms = durationMs(b);
      if (ms === null || ms < 0) return { status: 400, body: { message: 'give ms, minutes, hours, days or by: "90m" | "2h" | "1d"' } };
      return { status: 200, body: await emu.advance(ms) };
    }
    case '/control/sweep': {
      const sweeps = emu.runtime?.runDueScheduled(true) ?? 0;
      return { status: 200, body: { sweeps, drained: await emu.drain() } };
    }
    case '/control/drain': {
      const drained = await emu.drain(typeof b.timeoutMs === 'number' ? b.timeoutMs : 30_000);
      return { status: drained ? 200 : 504, body: { drained, pending: emu.runtime?.pump.pending() ?? 0 } };
    }
    case '/control/faults':
      return { status: 200, body: method === 'DELETE' ? clearFaults(emu.faults) : updateFaults(emu.faults, b) };
    case '/control/uninstall':
      return { status: 200, body: await emu.uninstall() };
    case '/control/invoke':
      return invoke(emu, b);
    case '/control/reset':
      emu.reset();
      if (b.seed !== false) await reseed();
      return { status: 200, body: state(emu) };
    default:
      return { status: 404, body: { message: `not emulated: ${method} ${path}` } };
  }
}

/** Calls a resolver as a user, exactly as the bridge shim does for the UIs. */
export async function invoke(emu: Emulator, b: Body): Promise<ActionResult> {
  if (!emu.runtime) return { status: 503, body: { message: 'no Forge runtime (manifest.yml missing)' } };
  const accountId = resolveUser(emu, b.as);
  const moduleKey = String(b.moduleKey ?? '');
  const issue = typeof b.issueKey === 'string' ? emu.site.issue(b.issueKey) : undefined;
  const project = emu.site.project(String(b.projectKey ?? '')) ?? (issue ? emu.site.project(issue.projectId) : undefined);
  try {
    const result = await emu.runtime.invokeResolver({ moduleKey, accountId, functionKey: String(b.functionKey ?? ''), payload: b.payload ?? {}, extension: extensionFor(emu, moduleKey, issue?.id, project?.id) });
    return { status: 200, body: result ?? null };
  } catch (e) {
    return { status: 500, body: { message: e instanceof Error ? e.message : String(e) } };
  }
}

/** The `extension` of a resolver context, as Jira builds it for each module type. */
/** A dashboard gadget's part of the context: the host (Jira) keeps the configuration and says which view is open. */
export interface GadgetRef { id: string; entryPoint: 'edit' | 'view'; configuration: Record<string, unknown> }

export function extensionFor(emu: Emulator, moduleKey: string, issueId: string | undefined, projectId: string | undefined, gadget?: GadgetRef): Record<string, unknown> {
  const module = emu.runtime?.manifest.uiModules.find((m) => m.key === moduleKey);
  const issue = issueId ? emu.site.issue(issueId) : undefined;
  const project = projectId ? emu.site.project(projectId) : undefined;
  const type = emu.site.data.issueTypes.find((t) => t.id === issue?.fields.issuetype);
  return {
    type: module?.type ?? 'jira:issuePanel',
    ...(issue ? { issue: { id: issue.id, key: issue.key, type: type?.name, typeId: type?.id }, isNewToIssue: false } : {}),
    ...(project ? { project: { id: project.id, key: project.key, type: project.projectTypeKey } } : {}),
    location: `${emu.ctx.base}/`,
    ...(gadget ? { gadget: { id: gadget.id }, dashboard: { id: 'emulator-dashboard' }, gadgetConfiguration: gadget.configuration, ...(gadget.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}) } : {}),
  };
}
