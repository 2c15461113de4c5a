/**
 * Helpers for the stored-state emulator tests: the demo site with the real app, a fresh evaluation of
 * every configured issue through the app's own code, and a record of the SLA actions the app sent.
 */
import { Emulator } from '../../emulator/app';
import { comment, createIssue, transition } from '../../emulator/server/actions';
import type { JiraRequest, JiraResponse } from '../../emulator/jira/api';
import { panelSla } from '../../src/app/panel';
import { storedState, type SlaAction } from '@core';
import { loadConfig } from '../../src/store/config';
import { productionDeps } from '../../src/wiring';
import { teardown } from './helpers';

export const HOUR = 3_600_000;

/**
 * The demo's histories end at this instant rather than at the wall-clock time, so which clocks run,
 * pause or breach (CET and Madrid business hours, weekends) does not depend on when a test runs.
 * A Monday afternoon: the weekend's Severity A issues are past their first-response goal.
 */
export const SEEDED_UNTIL = Date.parse('2026-11-30T16:47:00Z');

/** Hooks of a suite that runs the real app in the emulator: its warnings muted, its globals removed after each test. */
export function appInEmulatorSuite(): void {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => {
    teardown();
    jest.restoreAllMocks();
  });
  jest.setTimeout(300_000);
}

export function demoEmulator(stateDir: string | null = null): Emulator {
  return new Emulator({ root: process.cwd(), base: 'http://jira.test', stateDir, log: () => undefined });
}

/** The JQL-facing part of a property: everything but what it was written under and its signature. */
function jqlPart(p: unknown): unknown {
  if (!p || typeof p !== 'object') return p;
  const { metrics, nextDue, breached, breachedMetrics, checkAt } = p as Record<string, unknown>;
  return { metrics, nextDue, breached, breachedMetrics, checkAt };
}

export interface Mismatch {
  key: string;
  stored: unknown;
  fresh: unknown;
}

/** Every issue of a configured project whose stored property differs from a fresh evaluation now. */
export async function mismatches(emu: Emulator): Promise<Mismatch[]> {
  const deps = productionDeps();
  const out: Mismatch[] = [];
  for (const issue of emu.site.data.issues) {
    const res = await panelSla(deps, issue.id, issue.projectId);
    if (!res.ok || !res.value.configured || !res.value.snapshot) continue;
    const fresh = storedState(res.value.snapshot);
    const stored = jqlPart(issue.properties.sla);
    if (JSON.stringify(stored) !== JSON.stringify(fresh)) out.push({ key: issue.key, stored, fresh });
  }
  return out;
}

export interface SentAction {
  issueId: string;
  what: string;
}

/** Records the app's label, comment and notify calls (the SLA actions) as they reach the emulated Jira. */
export function recordActions(emu: Emulator, into: SentAction[]): void {
  const target = emu as unknown as { appJira(req: JiraRequest): Promise<JiraResponse> };
  const real = target.appJira.bind(emu);
  target.appJira = async (req) => {
    const res = await real(req);
    const issue = /^\/rest\/api\/3\/issue\/([^/]+)(\/comment|\/notify)?$/.exec(req.path);
    const ok = res.status >= 200 && res.status < 300;
    if (issue && ok && req.method !== 'GET') into.push({ issueId: issue[1]!, what: issue[2] ? issue[2].slice(1) : `label:${JSON.stringify(req.body)}` });
    return res;
  };
}

/**
 * Fresh work in every demo project at the current instant, so clocks are running (and some paused by a
 * condition) while calendars open and close: each project gets one issue per priority, one answered by
 * an agent and one waiting for the customer.
 */
export function freshIssues(emu: Emulator): string[] {
  const keys: string[] = [];
  for (const project of ['SUP', 'HLP', 'MAD']) {
    for (const priority of ['Highest', 'High', 'Medium', 'Low']) {
      const res = createIssue(emu, { project, summary: `${priority} request`, priority });
      if (res.status === 201) keys.push((res.body as { key: string }).key);
    }
    const [answered, waiting] = keys.slice(-2);
    if (answered) comment(emu, answered, { text: 'Looking into it' });
    if (waiting) transition(emu, waiting, { status: 'Waiting for customer' });
  }
  return keys;
}

const sentForm = (a: SlaAction): string => (a.kind === 'label' ? `label:${JSON.stringify({ update: { labels: [{ add: a.label }] } })}` : a.kind);

/** What the app's action claims (KVS `fired:<issueId>:<actionId>`) say it sent, in the recorded form. */
export async function claimedActions(emu: Emulator): Promise<SentAction[]> {
  const out: SentAction[] = [];
  for (const key of Object.keys(emu.kvs.state.kv).filter((k) => k.startsWith('fired:'))) {
    const [, issueId = '', metric = '', , kind = '', n = ''] = key.split(':');
    const issue = emu.site.data.issues.find((i) => i.id === issueId);
    const spec = issue ? (await loadConfig(issue.projectId))?.policy.metrics.find((m) => m.key === metric) : undefined;
    const action = (kind === 'breach' ? spec?.breachActions : spec?.warningActions)?.[Number(n)];
    if (action) out.push({ issueId, what: sentForm(action) });
  }
  return out;
}

/** The breach action ids due now (current cycle running past its goal) per issue, from a fresh evaluation. */
export async function dueBreachIds(emu: Emulator): Promise<string[]> {
  const deps = productionDeps();
  const ids: string[] = [];
  for (const issue of emu.site.data.issues) {
    const res = await panelSla(deps, issue.id, issue.projectId);
    const policy = (await loadConfig(issue.projectId))?.policy;
    if (!res.ok || !res.value.snapshot || !policy) continue;
    for (const m of res.value.snapshot.metrics) {
      const actions = policy.metrics.find((s) => s.key === m.key)?.breachActions ?? [];
      if (m.state === 'breachedRunning' && m.current) actions.forEach((_, n) => ids.push(`fired:${issue.id}:${m.key}:${m.current!.startedAt}:breach:${n}`));
    }
  }
  return ids;
}

export const sortActions = (xs: SentAction[]) => xs.map((x) => `${x.issueId} ${x.what}`).sort();
