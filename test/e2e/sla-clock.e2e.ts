/**
 * SLA Clock end to end in Chromium: the real handlers, resolvers and UI builds on the emulated
 * Jira + Forge runtime, driven through the host page like a person would.
 */
import { join } from 'node:path';
import { USERS } from '../../emulator/jira/catalog';
import { formatDateTime } from '../../static/shared/format';
import { actAs, appAttribute, appFrame, appText, ARTIFACTS, control, eventually, jira, startHarness, stopHarness, textOf, type Harness } from './browser';

const PANEL = 'sla-panel';
const SETTINGS = 'sla-settings';
const BREACH_NOTE = 'E2E: first response is overdue';
let h: Harness;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Issue = { id: string; key: string; fields: { created: string; comment: { comments: Array<{ body: unknown; jsdPublic: boolean }> } } };

async function invokeAsAdmin<T>(functionKey: string, payload: unknown): Promise<Envelope<T>> {
  return control<Envelope<T>>(h, '/control/invoke', { moduleKey: SETTINGS, projectKey: 'SUP', as: USERS.admin, functionKey, payload });
}

/** Adds an internal breach comment to the SUP policy, so the sweep's breach action is visible. */
async function addBreachComment(): Promise<void> {
  const cfg = await invokeAsAdmin<{ config: { version: number; policy: { metrics: Array<{ breachActions?: unknown[] }> } } }>('settings.getConfig', {});
  if (!cfg.ok) throw new Error(cfg.error.message);
  const policy = cfg.data.config.policy;
  for (const m of policy.metrics) m.breachActions = [...(m.breachActions ?? []), { kind: 'comment', body: BREACH_NOTE, internal: true }];
  const saved = await invokeAsAdmin('settings.save', { policy, expectedVersion: cfg.data.config.version });
  if (!saved.ok) throw new Error(saved.error.message);
  await control(h, '/control/drain');
}

async function createHighest(summary: string): Promise<{ id: string; key: string; createdAt: number }> {
  const created = await control<{ id: string; key: string }>(h, '/control/issues', { project: 'SUP', summary, priority: 'Highest' });
  const issue = await jira<Issue>(h, 'GET', `/rest/api/3/issue/${created.key}?fields=created`);
  return { ...created, createdAt: Date.parse(issue.fields.created.replace('+0000', 'Z')) };
}

async function openIssue(key: string): Promise<ReturnType<typeof appFrame>> {
  await h.page.goto(`${h.running.url}/#/issue/${key}`);
  await h.page.reload();
  return appFrame(h.page, PANEL);
}

beforeAll(async () => {
  h = await startHarness();
  await addBreachComment();
});

afterAll(async () => {
  await stopHarness(h);
});

describe('SLA Clock in the browser', () => {
  it('shows the due time of a new issue in the panel, one hour after creation for L1', async () => {
    await actAs(h, USERS.admin);
    const issue = await createHighest('E2E: checkout is down');
    const frame = await openIssue(issue.key);
    const expected = formatDateTime(issue.createdAt + 3_600_000, 'Europe/Madrid');
    const due = await eventually(() => textOf(frame, '[data-testid="sla-due-response"]'), (t) => t.includes(expected), `due ${expected}`);
    expect(due).toContain(expected);
    await h.page.locator('#panel-frame').screenshot({ path: join(ARTIFACTS, 'issue-panel.png') });
    await h.page.screenshot({ path: join(ARTIFACTS, 'host-issue-view.png') });
  });

  it('moves the target when the priority changes, as the policy says', async () => {
    await actAs(h, USERS.agentAna);
    const issue = await createHighest('E2E: priority will change');
    const frame = await openIssue(issue.key);
    await eventually(() => textOf(frame, '[data-testid="sla-goal-response"]'), (t) => t.includes('L1'), 'goal L1');
    await h.page.selectOption('#priority-select', 'Low');
    const goal = await eventually(appText(h.page, PANEL, '[data-testid="sla-goal-response"]'), (t) => t.includes('L4'), 'goal L4');
    expect(goal).toContain('L4');
    const sla = await control<Envelope<{ snapshot: { metrics: Array<{ current: { dueAt: number | null } | null }> } }>>(h, '/control/invoke', { moduleKey: PANEL, issueKey: issue.key, as: USERS.agentAna, functionKey: 'panel.getSla', payload: { issueId: issue.id } });
    const dueAt = sla.ok ? sla.data.snapshot.metrics[0]?.current?.dueAt ?? null : null;
    expect(dueAt).not.toBeNull();
    expect(dueAt).not.toBe(issue.createdAt + 3_600_000);
  });

  it('counts an agent\'s public comment as the first response, but not an internal note', async () => {
    await actAs(h, USERS.agentAna);
    const issue = await createHighest('E2E: waiting for a first response');
    await openIssue(issue.key);
    await h.page.fill('#comment-text', 'Looking into it internally.');
    await h.page.check('#comment-internal');
    await h.page.click('#comment-form button[type=submit]');
    const stateOf = appAttribute(h.page, PANEL, '[data-testid="sla-metric-response"]', 'data-state');
    // The host page re-renders (new panel iframe) once the app has processed the note.
    await eventually(() => h.page.locator('#comments .comment.internal').count(), (n) => n === 1, 'the internal note in the activity');
    const afterNote = await eventually(stateOf, (s) => typeof s === 'string' && s !== '', 'panel state after the note');
    expect(afterNote).not.toBe('met');
    await h.page.fill('#comment-text', 'Hello, we are on it.');
    await h.page.click('#comment-form button[type=submit]');
    const state = await eventually(stateOf, (s) => s === 'met', 'state met');
    expect(state).toBe('met');
  });

  it('breaches once when the clock passes the due time: one breach comment, and JQL finds it', async () => {
    await actAs(h, USERS.admin);
    const issue = await createHighest('E2E: nobody answers');
    await control(h, '/control/clock/advance', { minutes: 61 });
    await control(h, '/control/clock/advance', { minutes: 10 });
    await control(h, '/control/sweep');
    const full = await jira<Issue>(h, 'GET', `/rest/api/3/issue/${issue.key}?fields=comment`);
    const notes = full.fields.comment.comments.filter((c) => JSON.stringify(c.body).includes(BREACH_NOTE));
    expect(notes).toHaveLength(1);
    const found = await jira<{ issues: Array<{ key: string }> }>(h, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP AND slaResponseState = "breached"', fields: ['key'], maxResults: 100 });
    expect(found.issues.map((i) => i.key)).toContain(issue.key);
    const frame = await openIssue(issue.key);
    const state = await eventually(() => frame.locator('[data-testid="sla-metric-response"]').getAttribute('data-state', { timeout: 2000 }), (s) => typeof s === 'string' && s.startsWith('breached'), 'breached state');
    expect(state).toMatch(/^breached/);
  });

  it('shows the settings page read-only to an agent and refuses the agent\'s save', async () => {
    await actAs(h, USERS.admin);
    await h.page.goto(`${h.running.url}/#/project/SUP/settings`);
    await h.page.reload();
    let frame = await appFrame(h.page, SETTINGS);
    await frame.locator('[data-testid="config-version"]').waitFor({ timeout: 20_000 });
    await h.page.locator('#settings-frame').screenshot({ path: join(ARTIFACTS, 'project-settings.png') });
    await actAs(h, USERS.agentAna);
    await h.page.reload();
    frame = await appFrame(h.page, SETTINGS);
    await frame.locator('[data-testid="read-only"]').waitFor({ timeout: 20_000 });
    const refused = await frame.evaluate(() => (window as unknown as { __bridge: { callBridge(c: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey: 'settings.save', payload: { policy: {}, expectedVersion: 2 } }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
