/**
 * The emulated Jira REST routes: writes record the changelog, comments carry JSM visibility,
 * properties enforce Jira's 32 KB limit, permissions follow the user's role, and anything outside
 * the emulated surface says so.
 */
import { USERS } from '../../emulator/jira/catalog';
import { call, createIssue, teardown, testEmulator } from './helpers';

afterEach(teardown);

type Histories = { values: Array<{ items: Array<{ fieldId: string; from: string | null; to: string | null; fromString: string | null; toString: string | null }> }> };
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('the emulated Jira REST API', () => {
  it('records a changelog item with ids and display names for every field change', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu, { priority: { name: 'Low' } });
    expect(call(emu, 'PUT', `/rest/api/3/issue/${key}`, { fields: { priority: { name: 'Highest' } } }, USERS.agentAna).status).toBe(204);
    expect(call(emu, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '10005' } }, USERS.agentAna).status).toBe(204);
    const log = call(emu, 'GET', `/rest/api/3/issue/${key}/changelog`).body as Histories;
    const items = log.values.flatMap((h) => h.items);
    expect(items).toEqual([
      expect.objectContaining({ fieldId: 'priority', from: '4', fromString: 'Low', to: '1', toString: 'Highest' }),
      expect.objectContaining({ fieldId: 'status', from: '10001', to: '10005', toString: 'Resolved' }),
      expect.objectContaining({ fieldId: 'resolution', from: null, toString: 'Done' }),
    ]);
  });

  it('applies labels add and remove operations on top of the current labels', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu, { labels: ['a', 'b'] });
    call(emu, 'PUT', `/rest/api/3/issue/${key}`, { update: { labels: [{ add: 'c' }, { remove: 'a' }] } }, USERS.agentAna);
    expect(emu.site.issue(key)?.fields.labels).toEqual(['b', 'c']);
  });

  it('marks a comment internal through the sd.public.comment property and keeps its author', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    call(emu, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('public') }, USERS.agentAna);
    call(emu, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('note'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] }, USERS.agentAna);
    const page = call(emu, 'GET', `/rest/api/3/issue/${key}/comment`).body as { comments: Array<{ jsdPublic: boolean; author: { accountId: string; accountType: string } }> };
    expect(page.comments.map((c) => [c.jsdPublic, c.author.accountId, c.author.accountType])).toEqual([
      [true, USERS.agentAna, 'atlassian'],
      [false, USERS.agentAna, 'atlassian'],
    ]);
  });

  it('refuses a plain-string comment body, as the v3 API expects ADF', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    expect(call(emu, 'POST', `/rest/api/3/issue/${key}/comment`, { body: 'hello' }, USERS.agentAna).status).toBe(400);
  });

  it('stores issue properties up to 32 KB and answers 400 beyond', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    expect(call(emu, 'PUT', `/rest/api/3/issue/${key}/properties/sla`, { v: 'x'.repeat(100) }).status).toBe(201);
    expect(call(emu, 'PUT', `/rest/api/3/issue/${key}/properties/sla`, { v: 'y' }).status).toBe(200);
    expect(call(emu, 'PUT', `/rest/api/3/issue/${key}/properties/sla`, { v: 'x'.repeat(33_000) }).status).toBe(400);
    expect(call(emu, 'GET', `/rest/api/3/issue/${key}/properties/sla`).body).toEqual({ key: 'sla', value: { v: 'y' } });
    expect(call(emu, 'GET', `/rest/api/3/issue/${key}/properties/missing`).status).toBe(404);
  });

  it('deletes a property from the issues a bulk delete names, as a task whose result lists the issues it could not change', () => {
    const emu = testEmulator();
    const a = createIssue(emu);
    const b = createIssue(emu);
    for (const { key } of [a, b]) call(emu, 'PUT', `/rest/api/3/issue/${key}/properties/sla`, { v: 1 });
    const res = call(emu, 'DELETE', '/rest/api/3/issue/properties/sla', { entityIds: [Number(a.id), 999999] });
    expect(res.status).toBe(303);
    const task = call(emu, 'GET', new URL(String(res.headers?.Location)).pathname).body as { status: string; result: { failedIssues: Record<string, string> } };
    expect(task.status).toBe('COMPLETE');
    expect(Object.keys(task.result.failedIssues)).toEqual(['999999']);
    expect(call(emu, 'GET', `/rest/api/3/issue/${a.key}/properties/sla`).status).toBe(404);
    expect(call(emu, 'GET', `/rest/api/3/issue/${b.key}/properties/sla`).status).toBe(200);
  });

  it('deletes a property from every issue the caller can see and edit when a bulk delete names no issues, as Jira documents', () => {
    const emu = testEmulator();
    const a = createIssue(emu);
    const b = createIssue(emu);
    call(emu, 'PUT', `/rest/api/3/issue/${a.key}/properties/sla`, { v: 1 });
    call(emu, 'PUT', `/rest/api/3/issue/${b.key}/properties/sla`, { v: 2 });
    const taskOf = (res: ReturnType<typeof call>) => call(emu, 'GET', new URL(String(res.headers?.Location)).pathname).body as { result: { failedIssues: Record<string, string> } };
    // Another customer can see neither request: nothing is eligible, and nothing counts as failed.
    const stranger = call(emu, 'DELETE', '/rest/api/3/issue/properties/sla', {}, USERS.customerDan);
    expect(stranger.status).toBe(303);
    expect(taskOf(stranger).result.failedIssues).toEqual({});
    expect(call(emu, 'GET', `/rest/api/3/issue/${a.key}/properties/sla`).status).toBe(200);
    // `currentValue` alone narrows the eligible issues to those holding that value.
    call(emu, 'DELETE', '/rest/api/3/issue/properties/sla', { currentValue: { v: 2 } });
    expect(call(emu, 'GET', `/rest/api/3/issue/${a.key}/properties/sla`).status).toBe(200);
    expect(call(emu, 'GET', `/rest/api/3/issue/${b.key}/properties/sla`).status).toBe(404);
    const all = call(emu, 'DELETE', '/rest/api/3/issue/properties/sla', {});
    expect(taskOf(all).result.failedIssues).toEqual({});
    expect(call(emu, 'GET', `/rest/api/3/issue/${a.key}/properties/sla`).status).toBe(404);
  });

  it('gives project administration to the admin only', () => {
    const emu = testEmulator();
    const perms = (who: string) => (call(emu, 'GET', '/rest/api/3/mypermissions?projectKey=SUP&permissions=ADMINISTER_PROJECTS,BROWSE_PROJECTS', undefined, who).body as {
      permissions: Record<string, { havePermission: boolean }>;
    }).permissions;
    expect(perms(USERS.admin).ADMINISTER_PROJECTS?.havePermission).toBe(true);
    expect(perms(USERS.agentAna).ADMINISTER_PROJECTS?.havePermission).toBe(false);
    // Customers hold no project-wide permission; their access is per request (see users-and-permissions).
    expect(perms(USERS.customerCarla).BROWSE_PROJECTS?.havePermission).toBe(false);
    expect(call(emu, 'GET', '/rest/api/3/mypermissions').status).toBe(400);
  });

  it('returns ids only from search/jql unless fields are asked for, like Jira', () => {
    const emu = testEmulator();
    createIssue(emu);
    const res = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP' }).body as { issues: Array<{ id: string; fields: Record<string, unknown> }> };
    expect(Object.keys(res.issues[0]?.fields ?? {})).toEqual([]);
  });

  it('offers the Severity options through the paginated create-issue metadata, 404 for an unknown project', () => {
    const emu = testEmulator();
    const types = call(emu, 'GET', '/rest/api/3/issue/createmeta/SUP/issuetypes?startAt=1&maxResults=1', undefined, USERS.app);
    expect(types).toMatchObject({ status: 200, body: { startAt: 1, maxResults: 1, total: 3, issueTypes: [{ id: '10101', name: 'Service Request' }] } });
    const fields = call(emu, 'GET', '/rest/api/3/issue/createmeta/SUP/issuetypes/10100', undefined, USERS.app).body as { total: number; fields: Array<{ fieldId: string; schema: { type: string }; allowedValues?: unknown[] }> };
    const severity = fields.fields.find((f) => f.fieldId === 'customfield_10042');
    expect(severity).toMatchObject({ schema: { type: 'option' }, allowedValues: [{ id: '10200', value: 'Severity A' }, { id: '10201' }, { id: '10202' }, { id: '10203', value: 'Severity D' }] });
    expect(fields.total).toBe(fields.fields.length);
    expect(call(emu, 'GET', '/rest/api/3/issue/createmeta/NOPE/issuetypes').status).toBe(404);
    expect(call(emu, 'GET', '/rest/api/3/issue/createmeta/SUP/issuetypes/999').status).toBe(404);
  });

  it('answers 410 on the retired /search endpoint and names anything not emulated', () => {
    const emu = testEmulator();
    expect(call(emu, 'POST', '/rest/api/3/search', { jql: 'project = SUP' }).status).toBe(410);
    const res = call(emu, 'GET', '/rest/api/3/dashboard');
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).toMatch(/not emulated: GET \/rest\/api\/3\/dashboard/);
  });

  it('embeds the changelog newest first under expand=changelog', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    call(emu, 'PUT', `/rest/api/3/issue/${key}`, { fields: { priority: { name: 'High' } } }, USERS.agentAna);
    call(emu, 'PUT', `/rest/api/3/issue/${key}`, { fields: { priority: { name: 'Low' } } }, USERS.agentAna);
    const issue = call(emu, 'GET', `/rest/api/3/issue/${key}?expand=changelog`).body as { changelog: Histories & { histories: Histories['values']; total: number } };
    expect(issue.changelog.total).toBe(2);
    expect(issue.changelog.histories.map((h) => h.items[0]?.toString)).toEqual(['Low', 'High']);
  });
});
