/**
 * Helpers for the settings-page browser tests: a project without a policy, the host page's views
 * (settings, issue list, issue) and the app iframes as they are re-created by the host page.
 */
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { control, eventually, jira, latestFrame, type Harness } from './browser';

export const PANEL = 'sla-panel';
export const SETTINGS = 'sla-settings';

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Adds a service-desk project with no SLA policy (every seeded project is configured) through the control API. */
export async function addUnconfiguredProject(h: Harness, key: string, name: string): Promise<{ id: string; key: string }> {
  return control<{ id: string; key: string }>(h, '/control/projects', { key, name });
}

/** The app's newest attached iframe, waiting for the host page to (re)create it. */
export function currentFrame(h: Harness, moduleKey: string): Promise<Frame> {
  return eventually(async () => latestFrame(h.page, moduleKey), (f) => !f.isDetached(), `the ${moduleKey} iframe`);
}

/** Opens a host-page route afresh (the host page reads projects and users once, at boot). */
export async function openRoute(h: Harness, hash: string): Promise<void> {
  await h.page.goto(`${h.running.url}/${hash}`);
  await h.page.reload();
}

export async function openSettings(h: Harness, projectKey: string): Promise<Frame> {
  await openRoute(h, `#/project/${projectKey}/settings`);
  const frame = await currentFrame(h, SETTINGS);
  await frame.getByTestId('settings-page').waitFor({ timeout: 20_000 });
  return frame;
}

export async function openIssue(h: Harness, key: string): Promise<Frame> {
  await openRoute(h, `#/issue/${key}`);
  const frame = await currentFrame(h, PANEL);
  await frame.getByTestId('sla-panel').waitFor({ timeout: 20_000 });
  return frame;
}

/** Creates an issue through the host page's "Create issue" form, as the current user; returns its key. */
export async function createIssueOnHostPage(h: Harness, projectKey: string, summary: string, priority: string): Promise<string> {
  await openRoute(h, `#/project/${projectKey}`);
  await h.page.locator('#new-summary').fill(summary);
  await h.page.locator('#new-priority').selectOption(priority);
  await h.page.locator('#create-form button[type=submit]').click();
  const found = await eventually(
    () => jira<{ issues: Array<{ key: string; fields: { summary: string } }> }>(h, 'POST', '/rest/api/3/search/jql', { jql: `project = ${projectKey} ORDER BY created DESC`, fields: ['summary'], maxResults: 100 }),
    (r) => r.issues.some((i) => i.fields.summary === summary), `issue "${summary}" in ${projectKey}`);
  const key = found.issues.find((i) => i.fields.summary === summary)?.key ?? '';
  // The host page lists it once the control API has answered (after the app processed the event).
  await eventually(() => h.page.locator('#view').textContent(), (t) => (t ?? '').includes(key), `${key} on the issue list`);
  return key;
}

export async function createdAt(h: Harness, key: string): Promise<number> {
  const issue = await jira<{ fields: { created: string } }>(h, 'GET', `/rest/api/3/issue/${key}?fields=created`);
  return Date.parse(issue.fields.created.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** The panel resolver's due time for a metric, read back as the given user. */
export async function resolverDueAt(h: Harness, key: string, metricKey: string, as: string = USERS.admin): Promise<number | null> {
  const issue = await jira<{ id: string }>(h, 'GET', `/rest/api/3/issue/${key}?fields=summary`);
  const sla = await control<Envelope<{ snapshot: { metrics: Array<{ key: string; current: { dueAt: number | null } | null }> } | null }>>(h, '/control/invoke', { moduleKey: PANEL, issueKey: key, as, functionKey: 'panel.getSla', payload: { issueId: issue.id } });
  if (!sla.ok) throw new Error(sla.error.message);
  return sla.data.snapshot?.metrics.find((m) => m.key === metricKey)?.current?.dueAt ?? null;
}

export async function savedConfig(h: Harness, projectKey: string): Promise<{ version: number; updatedAt: string } | null> {
  const cfg = await control<Envelope<{ config: { version: number; updatedAt: string } | null }>>(h, '/control/invoke', { moduleKey: SETTINGS, projectKey, as: USERS.admin, functionKey: 'settings.getConfig', payload: {} });
  if (!cfg.ok) throw new Error(cfg.error.message);
  return cfg.data.config;
}

export async function savedVersion(h: Harness, projectKey: string): Promise<number | null> {
  return (await savedConfig(h, projectKey))?.version ?? null;
}

/** Relative luminance (0 black – 1 white) of the computed background of `body` in a frame. */
export async function bodyLuminance(frame: Frame): Promise<number> {
  const rgb = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
