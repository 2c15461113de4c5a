/**
 * Fidelity probe, run with tsx by jira-fidelity.test.ts: points jira.js (whose clients parse every
 * response against zod schemas generated from Atlassian's OpenAPI) at a fresh in-memory emulator and
 * prints every schema mismatch as JSON. jira.js is ESM-only, hence a separate process.
 */
import { startEmulator } from '../../../emulator';
import { USERS } from '../../../emulator/jira/catalog';
import { comment, createIssue, transition } from '../../../emulator/server/actions';

interface Report { endpoint: string; issues: unknown[] }
type Call = (params?: Record<string, unknown>) => Promise<unknown>;
/** The slice of jira.js's cloud client used here; the package is ESM-only and typed for bundlers. */
type CloudClient = Record<string, Record<string, Call>>;
type JiraJs = { createCloudClient(config: Record<string, unknown>): CloudClient };
const JIRA_JS = 'jira.js';

async function main(): Promise<void> {
  const running = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: false });
  const { emu } = running;
  emu.site.addProject({ key: 'FID', name: 'Fidelity', projectTypeKey: 'service_desk', leadAccountId: USERS.admin, admins: [] });
  const created = createIssue(emu, { project: 'FID', summary: 'Schema probe', priority: 'High', severity: 'Severity A', labels: ['probe'] });
  const key = (created.body as { key: string }).key;
  const issueId = Number((created.body as { id: string }).id);
  const reply = comment(emu, key, { text: 'public reply', as: USERS.agentAna }).body as { id: string };
  comment(emu, key, { text: 'internal note', as: USERS.agentAna, internal: true });
  transition(emu, key, { status: 'Resolved', as: USERS.agentAna });
  emu.jira({ method: 'PUT', path: `/rest/api/3/issue/${key}/properties/sla`, query: new URLSearchParams(), body: { metrics: {} }, accountId: USERS.admin });
  await emu.drain();

  const mismatches: Report[] = [];
  const { createCloudClient } = (await import(JIRA_JS)) as JiraJs;
  const client = createCloudClient({
    host: running.url, auth: { type: 'basic', email: 'alex@example.com', apiToken: 'emulator' },
    onSchemaMismatch: (r: Report) => { mismatches.push(r); },
  });
  const api = (group: string, method: string): Call => {
    const fn = client[group]?.[method];
    if (!fn) throw new Error(`jira.js has no ${group}.${method}`);
    return fn;
  };
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['getIssue', () => api('issues', 'getIssue')({ issueIdOrKey: key, expand: 'changelog', properties: ['sla'] })],
    ['getChangeLogs', () => api('issues', 'getChangeLogs')({ issueIdOrKey: key })],
    ['getTransitions', () => api('issues', 'getTransitions')({ issueIdOrKey: key })],
    ['getComments', () => api('issueComments', 'getComments')({ issueIdOrKey: key })],
    ['getComment', () => api('issueComments', 'getComment')({ issueIdOrKey: key, id: reply.id })],
    ['updateComment', () => api('issueComments', 'updateComment')({ issueIdOrKey: key, id: reply.id, body: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'edited reply' }] }] } } })],
    ['search', () => api('issueSearch', 'searchAndReconsileIssuesUsingJqlPost')({ jql: 'project = FID', fields: ['*all'], properties: ['sla'] })],
    ['countIssues', () => api('issueSearch', 'countIssues')({ jql: 'project = FID' })],
    ['getIssueProperty', () => api('issueProperties', 'getIssueProperty')({ issueIdOrKey: key, propertyKey: 'sla' })],
    ['getMyPermissions', () => api('permissions', 'getMyPermissions')({ projectKey: 'FID', permissions: 'ADMINISTER_PROJECTS,BROWSE_PROJECTS' })],
    ['getCurrentUser', () => api('myself', 'getCurrentUser')()],
    ['getUser', () => api('users', 'getUser')({ accountId: USERS.customerCarla })],
    ['getFields', () => api('issueFields', 'getFields')()],
    ['getOptionsForContext', () => api('issueCustomFieldOptions', 'getOptionsForContext')({ fieldId: 'customfield_10042', contextId: 10300 })],
    ['getCreateIssueMetaIssueTypes', () => api('issues', 'getCreateIssueMetaIssueTypes')({ projectIdOrKey: 'FID' })],
    ['getCreateIssueMetaIssueTypeId', () => api('issues', 'getCreateIssueMetaIssueTypeId')({ projectIdOrKey: 'FID', issueTypeId: '10100' })],
    ['searchPriorities', () => api('issuePriorities', 'searchPriorities')()],
    ['getIssueAllTypes', () => api('issueTypes', 'getIssueAllTypes')()],
    ['searchProjects', () => api('projects', 'searchProjects')()],
    ['getProject', () => api('projects', 'getProject')({ projectIdOrKey: 'FID' })],
    ['getServerInfo', () => api('serverInfo', 'getServerInfo')()],
    ['getBulkChangelogs', () => api('issues', 'getBulkChangelogs')({ issueIdsOrKeys: [key], fieldIds: ['status'] })],
    ['bulkSetIssuePropertiesByIssue', () => api('issueProperties', 'bulkSetIssuePropertiesByIssue')({ issues: [{ issueID: issueId, properties: { probe: { ok: true } } }] })],
    ['getTask', () => api('tasks', 'getTask')({ taskId: '10000' })],
  ];
  const failures: string[] = [];
  for (const [name, run] of calls) {
    try { await run(); } catch (e) { failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`); }
  }
  await running.close();
  process.stdout.write(`${JSON.stringify({ calls: calls.length, failures, mismatches })}\n`);
}

main().catch((e: unknown) => {
  process.stdout.write(`${JSON.stringify({ calls: 0, failures: [String(e instanceof Error ? e.stack : e)], mismatches: [] })}\n`);
});
