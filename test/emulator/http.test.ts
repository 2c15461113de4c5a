/**
 * The emulator over HTTP: Jira REST with the caller chosen by header, the control API, the bridge
 * endpoints the UI shim calls, and the shim injected into the app builds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { injectShim } from '../../emulator/server/static';

let running: RunningEmulator;

beforeAll(async () => {
  running = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: false });
  running.emu.site.addProject({ key: 'WEB', name: 'Web', projectTypeKey: 'service_desk', leadAccountId: 'acc-admin-alex', admins: [] });
});

afterAll(async () => {
  await running.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

describe('the emulator over HTTP', () => {
  it('creates, comments and searches through the control API and Jira REST', async () => {
    const created = await post('/control/issues', { project: 'WEB', summary: 'Site slow', priority: 'High', as: 'customer' });
    expect(created.status).toBe(201);
    const key = (created.json as { key: string }).key;
    expect((await post(`/control/issues/${key}/comment`, { text: 'On it', as: 'agent', internal: true })).status).toBe(201);
    const found = await post('/rest/api/3/search/jql', { jql: 'project = WEB AND priority = High', fields: ['summary'] });
    expect((found.json as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual([key]);
  });

  it('creates a project through the control API, with the site\'s issue types, priorities and Severity field', async () => {
    const created = await post('/control/projects', { key: 'OPS', name: 'Operations' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ key: 'OPS', name: 'Operations', projectTypeKey: 'service_desk', leadAccountId: 'acc-admin-alex' });
    const id = (created.json as { id: string }).id;
    expect(((await (await fetch(`${running.url}/control/state`)).json()) as { projects: unknown[] }).projects).toContainEqual({ id, key: 'OPS', name: 'Operations' });
    expect(await (await fetch(`${running.url}/rest/api/3/project/OPS`)).json()).toMatchObject({ id, key: 'OPS', projectTypeKey: 'service_desk' });
    const issue = await post('/control/issues', { project: 'OPS', summary: 'Disk full', priority: 'Highest', severity: 'Severity A', issueType: 'Service Request' });
    expect(issue.status).toBe(201);
    expect((issue.json as { key: string }).key).toBe('OPS-1');
    expect((await post('/control/projects', { key: 'OPS', name: 'Again' })).status).toBe(409);
    expect((await post('/control/projects', { key: 'ops', name: 'Lower case' })).status).toBe(400);
    expect((await post('/control/projects', { key: 'NONAME' })).status).toBe(400);
  });

  it('answers mypermissions for the user named in X-Emulator-User', async () => {
    const res = await fetch(`${running.url}/rest/api/3/mypermissions?projectKey=WEB&permissions=ADMINISTER_PROJECTS`, { headers: { 'x-emulator-user': 'acc-agent-ben' } });
    const body = (await res.json()) as { permissions: { ADMINISTER_PROJECTS: { havePermission: boolean } } };
    expect(body.permissions.ADMINISTER_PROJECTS.havePermission).toBe(false);
  });

  it('gives the bridge a context with the viewer\'s time zone, theme and issue extension', async () => {
    const issue = running.emu.site.data.issues[0];
    const res = await post('/bridge/context', { moduleKey: 'sla-panel', issueId: issue?.id, theme: 'dark' }, { cookie: 'emu_user=acc-agent-ben' });
    expect(res.json).toMatchObject({
      accountId: 'acc-agent-ben', timezone: 'America/New_York', theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { id: issue?.id, key: issue?.key }, project: { key: 'WEB' } },
    });
  });

  it('runs requestJira from a UI as the current user', async () => {
    const res = await post('/bridge/fetchProduct', { restPath: '/rest/api/3/myself', fetchRequestInit: { method: 'GET' } }, { cookie: 'emu_user=acc-customer-dan' });
    const reply = res.json as { status: number; body: string };
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ accountId: 'acc-customer-dan', accountType: 'customer' });
  });

  it('injects the bridge shim ahead of the app bundle', async () => {
    expect(injectShim('<head><script type="module" src="./a.js"></script></head>')).toBe('<head><script src="/host/bridge-shim.js"></script><script type="module" src="./a.js"></script></head>');
    if (!existsSync(join(process.cwd(), 'static/issue-panel/build/index.html'))) return;
    const html = await (await fetch(`${running.url}/apps/sla-panel/`)).text();
    expect(html.indexOf('bridge-shim.js')).toBeLessThan(html.indexOf('type="module"'));
  });

  it('refuses an unknown X-Emulator-User, cookie user, basic-auth user or control-API user with Jira\'s 401', async () => {
    const body = { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} };
    const myself = (headers: Record<string, string>) => fetch(`${running.url}/rest/api/3/myself`, { headers }).then(async (r) => ({ status: r.status, json: await r.json() as unknown }));
    expect(await myself({ 'x-emulator-user': 'acc-nobody' })).toEqual({ status: 401, json: body });
    expect(await myself({ authorization: `Basic ${Buffer.from('mallory@example.com:token').toString('base64')}` })).toEqual({ status: 401, json: body });
    expect(await myself({})).toMatchObject({ status: 200, json: { accountId: 'acc-admin-alex' } });
    expect(await post('/bridge/context', { moduleKey: 'sla-panel' }, { cookie: 'emu_user=acc-nobody' })).toEqual({ status: 401, json: body });
    expect(await post('/control/issues', { project: 'WEB', summary: 'Forged', as: 'mallory' })).toEqual({ status: 401, json: body });
    expect(await post('/control/invoke', { moduleKey: 'sla-settings', projectKey: 'WEB', as: 'toString', functionKey: 'settings.getConfig', payload: {} })).toEqual({ status: 401, json: body });
  });

  it('lets the settings page read its config for a project admin and refuses a customer', async () => {
    const ask = (as: string) => post('/control/invoke', { moduleKey: 'sla-settings', projectKey: 'WEB', as, functionKey: 'settings.getConfig', payload: {} });
    expect((await ask('admin')).json).toMatchObject({ ok: true });
    expect((await ask('customer')).json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses unknown control calls and Jira paths with "not emulated"', async () => {
    expect((await post('/control/teleport', {})).status).toBe(404);
    const res = await fetch(`${running.url}/rest/api/3/workflow/search`);
    expect(await res.text()).toMatch(/not emulated/);
  });
});
