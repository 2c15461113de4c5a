/**
 * Shared set-up for backend tests that drive the consumer and the resolver against the test world:
 * a configured project, one issue, two accounts, and small readers for envelopes and the property.
 */
import type { Route } from '@forge/api';
import type { Envelope, SlaProperty } from '@contract';
import type { PolicySpec } from '@core';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type ResponseLike } from '../../src/jira/http';
import { saveConfig } from '../../src/store/config';
import { addIssue, iso, makeWorld, MIN, T0, testPolicy, type World } from './world';

export const code = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);
export const issueJob = (issueId: string, projectId = '10000') => ({ body: { kind: 'issue', issueId, projectId } });
export const prop = (w: World, id: string) => w.jira.issues.get(id)!.properties.sla as SlaProperty | undefined;
export const permissionCalls = (w: World) => w.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/mypermissions'));
export const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): ResponseLike => ({
  status,
  headers: { get: (n) => headers[n] ?? null },
  text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
});

export async function configure(projectId = '10000', policy: PolicySpec = testPolicy()) {
  await saveConfig({ projectId, policy, expectedVersion: 0, updatedBy: 'admin-1', updatedAt: iso(T0) });
}

/** A world with project 10000 configured (version 1), issue 1, an admin and an agent. */
export async function world(now = T0 + 10 * MIN): Promise<World> {
  const w = makeWorld(now);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  addIssue(w.jira, { id: '1' });
  await configure();
  return w;
}

/** Permission checks answered by a scripted transport instead of the fake Jira. */
export function scriptedPermissions(w: World, answer: (path: string) => ResponseLike | Promise<ResponseLike>) {
  const sleepless = retryPolicy(5_000, { sleep: async () => undefined, random: () => 0.5 });
  w.deps.userJira = () => createJiraClient(async (r: Route) => answer(r.value), sleepless);
}
