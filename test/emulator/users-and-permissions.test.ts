/**
 * Identity and permissions on the emulated site follow Jira and the demo's roles: unknown callers
 * are refused with Jira's 401, customers see only their own requests and never internal notes,
 * comments are changed by their author or an admin, Jira's size limits apply, and keys that name
 * Object.prototype members are ordinary keys.
 */
import { USERS } from '../../emulator/jira/catalog';
import { COMMENT_MAX_CHARS, PROPERTY_MAX_CHARS } from '../../emulator/jira/routes-comments';
import { call, createIssue, teardown, testEmulator } from './helpers';

afterEach(teardown);

const adf = (text: string) => ({ body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });
const UNAUTHENTICATED = { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} };
const HIDDEN = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

function twoRequests() {
  const emu = testEmulator();
  const carlas = createIssue(emu, {}, USERS.customerCarla);
  const dans = createIssue(emu, { reporter: { accountId: USERS.customerDan } }, USERS.customerDan);
  return { emu, carlas, dans };
}

describe('callers the site does not know', () => {
  it('answers 401 with Jira\'s body for an unknown account, never acting as someone else', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    expect(call(emu, 'GET', `/rest/api/3/issue/${key}`, undefined, 'acc-nobody')).toEqual({ status: 401, body: UNAUTHENTICATED });
    expect(call(emu, 'GET', '/rest/api/3/myself', undefined, 'constructor')).toEqual({ status: 401, body: UNAUTHENTICATED });
  });
});

describe('what customers can see', () => {
  it('lets a customer read their own request and answers 404 for anyone else\'s, as if it did not exist', () => {
    const { emu, carlas, dans } = twoRequests();
    expect(call(emu, 'GET', `/rest/api/3/issue/${carlas.key}`, undefined, USERS.customerCarla).status).toBe(200);
    expect(call(emu, 'GET', `/rest/api/3/issue/${dans.key}`, undefined, USERS.customerCarla)).toEqual({ status: 404, body: HIDDEN });
    expect(call(emu, 'GET', `/rest/api/3/issue/${dans.key}/properties`, undefined, USERS.customerCarla).status).toBe(404);
    expect(call(emu, 'GET', `/rest/api/3/issue/${dans.key}`, undefined, USERS.agentAna).status).toBe(200);
  });

  it('finds only the customer\'s own requests in search and counts', () => {
    const { emu, carlas } = twoRequests();
    const found = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['key'] }, USERS.customerCarla).body as { issues: Array<{ key: string }> };
    expect(found.issues.map((i) => i.key)).toEqual([carlas.key]);
    expect(call(emu, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SUP' }, USERS.customerCarla).body).toEqual({ count: 1 });
    expect(call(emu, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SUP' }, USERS.agentBen).body).toEqual({ count: 2 });
  });

  it('grants a customer browse on their own request only, and nothing project-wide (so no settings page)', () => {
    const { emu, carlas, dans } = twoRequests();
    const perms = (query: string) => call(emu, 'GET', `/rest/api/3/mypermissions?${query}&permissions=BROWSE_PROJECTS,ADMINISTER_PROJECTS,EDIT_ISSUES`, undefined, USERS.customerCarla);
    const have = (query: string) => Object.fromEntries(Object.entries((perms(query).body as { permissions: Record<string, { havePermission: boolean }> }).permissions).map(([k, v]) => [k, v.havePermission]));
    expect(have(`issueId=${carlas.id}`)).toEqual({ BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: false, EDIT_ISSUES: false });
    expect(have('projectKey=SUP')).toEqual({ BROWSE_PROJECTS: false, ADMINISTER_PROJECTS: false, EDIT_ISSUES: false });
    expect(perms(`issueKey=${dans.key}`)).toEqual({ status: 404, body: HIDDEN });
  });

  it('never shows internal notes to a customer, in the comment list or the issue\'s comment field', () => {
    const { emu, carlas } = twoRequests();
    call(emu, 'POST', `/rest/api/3/issue/${carlas.key}/comment`, adf('we are on it'), USERS.agentAna);
    call(emu, 'POST', `/rest/api/3/issue/${carlas.key}/comment`, { ...adf('customer is wrong'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] }, USERS.agentAna);
    const listed = (who: string) => (call(emu, 'GET', `/rest/api/3/issue/${carlas.key}/comment`, undefined, who).body as { total: number }).total;
    expect(listed(USERS.customerCarla)).toBe(1);
    expect(listed(USERS.agentBen)).toBe(2);
    const field = call(emu, 'GET', `/rest/api/3/issue/${carlas.key}?fields=comment`, undefined, USERS.customerCarla).body as { fields: { comment: { total: number } } };
    expect(field.fields.comment.total).toBe(1);
  });
});

describe('changing comments', () => {
  it('lets the author and admins edit or delete a comment, and refuses other users with 403', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    const created = call(emu, 'POST', `/rest/api/3/issue/${key}/comment`, adf('first'), USERS.agentAna).body as { id: string };
    const path = `/rest/api/3/issue/${key}/comment/${created.id}`;
    expect(call(emu, 'DELETE', path, undefined, USERS.agentBen).status).toBe(403);
    expect(call(emu, 'PUT', path, adf('hijacked'), USERS.agentBen).status).toBe(403);
    expect(call(emu, 'PUT', path, adf('edited'), USERS.agentAna).status).toBe(200);
    expect(emu.site.issue(key)?.comments[0]?.text).toBe('edited');
    expect(call(emu, 'DELETE', path, undefined, USERS.admin).status).toBe(204);
    expect(call(emu, 'GET', path, undefined, USERS.admin).status).toBe(404);
  });

  it('refuses a comment longer than 32,767 characters with Jira\'s field error, and takes one at the limit', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    expect(call(emu, 'POST', `/rest/api/3/issue/${key}/comment`, adf('x'.repeat(COMMENT_MAX_CHARS)), USERS.agentAna).status).toBe(201);
    expect(call(emu, 'POST', `/rest/api/3/issue/${key}/comment`, adf('x'.repeat(COMMENT_MAX_CHARS + 1)), USERS.agentAna)).toEqual({
      status: 400, body: { errorMessages: [], errors: { comment: 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.' } },
    });
  });
});

describe('issue properties', () => {
  it('takes a value whose JSON is exactly 32,768 characters and refuses one character more', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    const atLimit = 'x'.repeat(PROPERTY_MAX_CHARS - 2);
    expect(call(emu, 'PUT', `/rest/api/3/issue/${key}/properties/big`, atLimit).status).toBe(201);
    expect(call(emu, 'PUT', `/rest/api/3/issue/${key}/properties/big`, `${atLimit}x`).status).toBe(400);
  });

  it('treats __proto__, constructor and toString as ordinary property keys', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    const path = (k: string) => `/rest/api/3/issue/${key}/properties/${k}`;
    expect(call(emu, 'GET', path('toString')).status).toBe(404);
    expect(call(emu, 'GET', path('constructor')).status).toBe(404);
    expect(call(emu, 'PUT', path('__proto__'), { sla: 'forged' }).status).toBe(201);
    expect(call(emu, 'PUT', path('sla'), { real: true }).status).toBe(201);
    expect(call(emu, 'DELETE', path('sla')).status).toBe(204);
    expect(call(emu, 'GET', path('sla')).status).toBe(404);
    expect(call(emu, 'GET', path('__proto__')).body).toEqual({ key: '__proto__', value: { sla: 'forged' } });
    const keys = (call(emu, 'GET', `/rest/api/3/issue/${key}/properties`).body as { keys: Array<{ key: string }> }).keys.map((k) => k.key);
    expect(keys).toEqual(['__proto__']);
    expect(call(emu, 'DELETE', path('toString')).status).toBe(404);
  });

  it('refuses a field or permission named after an Object.prototype member instead of ignoring it', () => {
    const emu = testEmulator();
    const { key } = createIssue(emu);
    const edit = call(emu, 'PUT', `/rest/api/3/issue/${key}`, JSON.parse('{"fields":{"__proto__":{"x":1}}}'), USERS.agentAna);
    expect(edit.status).toBe(400);
    expect(Object.keys((edit.body as { errors: object }).errors)).toEqual(['__proto__']);
    expect(call(emu, 'GET', '/rest/api/3/mypermissions?permissions=toString').status).toBe(400);
  });
});

describe('issue security levels', () => {
  it('hide an issue from every role the level does not name, in reads, searches and counts', () => {
    const emu = testEmulator();
    const open = createIssue(emu, {}, USERS.agentAna);
    const secret = createIssue(emu, { security: { id: '10100' } }, USERS.admin);
    const count = (who: string) => call(emu, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SUP' }, who).body;
    expect(call(emu, 'GET', `/rest/api/3/issue/${secret.key}`, undefined, USERS.agentAna)).toEqual({ status: 404, body: HIDDEN });
    expect(call(emu, 'GET', `/rest/api/3/issue/${secret.key}?fields=security`, undefined, USERS.admin).body).toMatchObject({ fields: { security: { id: '10100', name: 'Administrators only' } } });
    const found = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', fields: ['key'] }, USERS.agentAna).body as { issues: Array<{ key: string }> };
    expect(found.issues.map((i) => i.key)).toEqual([open.key]);
    expect([count(USERS.agentAna), count(USERS.admin)]).toEqual([{ count: 1 }, { count: 2 }]);
  });

  it('refuses a security level the site does not have', () => {
    const emu = testEmulator();
    const res = call(emu, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SUP' }, summary: 'x', issuetype: { id: '10001' }, security: { id: '999' } } }, USERS.admin);
    expect(res).toMatchObject({ status: 400, body: { errors: { security: 'Security level is not valid.' } } });
  });
});
