/**
 * Builders for emulator tests: an in-memory emulator with a small manifest and the demo catalogue,
 * and a Jira request helper.
 */
import { Emulator } from '../../emulator/app';
import { uninstallClock } from '../../emulator/clock';
import { USERS } from '../../emulator/jira/catalog';
import type { JiraResponse } from '../../emulator/jira/api';
import { parseManifest } from '../../emulator/forge/manifest';
import { uninstallForgeGlobals } from '../../emulator/forge/globals';
import type { ForgeFunction } from '../../emulator/forge/runtime';

export const TEST_MANIFEST = `
app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000
  runtime: { name: nodejs22.x }
  storage:
    entities:
      - name: due-entry
        attributes: { issueId: { type: string }, state: { type: string }, dueAt: { type: integer } }
        indexes:
          - issueId
          - { name: by-due, partition: [state], range: [dueAt] }
modules:
  function:
    - { key: resolver-fn, handler: index.resolver }
    - { key: event-fn, handler: index.onEvent }
    - { key: consumer-fn, handler: index.consume }
    - { key: sweep-fn, handler: index.sweep }
  trigger:
    - key: events
      function: event-fn
      events: [avi:jira:created:issue, avi:jira:updated:issue, avi:jira:commented:issue]
      filter: { ignoreSelf: true }
  scheduledTrigger:
    - { key: sweep, function: sweep-fn, interval: fiveMinute }
  consumer:
    - { key: recompute, queue: recompute-queue, function: consumer-fn }
  jira:issuePanel:
    - { key: panel, resource: panel, resolver: { function: resolver-fn }, title: SLA, icon: "resource:panel;icon.svg" }
  jira:entityProperty:
    - key: sla-index
      propertyKey: sla
      values:
        - { path: ttr.state, type: string, searchAlias: slaResolutionState }
        - { path: ttr.remainingMins, type: number, searchAlias: slaResolutionRemaining }
        - { path: ttr.dueAt, type: date, searchAlias: slaResolutionDue }
resources:
  - { key: panel, path: static/issue-panel/build }
permissions:
  scopes: []
`;

export function testEmulator(functions: Record<string, ForgeFunction> = {}): Emulator {
  const emu = new Emulator({
    root: process.cwd(), base: 'http://jira.test', stateDir: null, manifest: parseManifest(TEST_MANIFEST),
    loadFunction: (_file, name) => functions[name] ?? (() => undefined),
  });
  emu.site.addProject({ key: 'SUP', name: 'Support', projectTypeKey: 'service_desk', leadAccountId: USERS.admin, admins: [] });
  return emu;
}

export function teardown(): void {
  uninstallClock();
  uninstallForgeGlobals();
}

export function call(emu: Emulator, method: string, pathAndQuery: string, body?: unknown, accountId: string = USERS.admin): JiraResponse {
  const url = new URL(pathAndQuery, 'http://jira.test');
  return emu.jira({ method, path: url.pathname, query: url.searchParams, body, accountId });
}

export function createIssue(emu: Emulator, fields: Record<string, unknown> = {}, accountId: string = USERS.customerCarla): { id: string; key: string } {
  const res = call(emu, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, summary: 'Printer on fire', issuetype: { name: 'Incident' }, ...fields } }, accountId);
  if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; key: string };
}
