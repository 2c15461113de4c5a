/**
 * The customer view and the sidebar summary in Chromium on the emulator: a portal customer sees
 * only the promise, in their own time zone, with no internal name, in light and dark with no serious
 * or critical axe violation at 320 px; an agent sees the sidebar summary next to the panel.
 * Screenshots go to test-artifacts/ (panel-customer-320px-*.png, issue-context-agent.png).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { actAs, ARTIFACTS, control, eventually, startHarness, stopHarness, type Harness } from './browser';
import { currentFrame, openIssue } from './settings-helpers';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
type Violation = { id: string; impact: string | null; nodes: Array<{ target: unknown[] }> };

let h: Harness;
let issueKey = '';

async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function setTheme(theme: 'light' | 'dark', frame: Frame): Promise<void> {
  if ((await h.page.locator('html').getAttribute('data-color-mode')) !== theme) await h.page.locator('#theme-toggle').click();
  await eventually(() => frame.locator('html').getAttribute('data-color-mode'), (m) => m === theme, `the app in ${theme}`);
}

beforeAll(async () => {
  h = await startHarness();
  await actAs(h, USERS.admin);
  h.page.setDefaultTimeout(10_000);
  const created = await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E: what the customer sees', priority: 'High', reporter: USERS.customerCarla });
  issueKey = created.key;
  await control(h, '/control/drain');
});

afterAll(async () => {
  await stopHarness(h);
});

describe('the customer view in the browser', () => {
  it.each(['light', 'dark'] as const)('shows a customer the promise only, with no internal name and no serious axe violation (%s, 320 px)', async (theme) => {
    await actAs(h, USERS.customerCarla);
    await h.page.setViewportSize({ width: 700, height: 1000 });
    const panel = await openIssue(h, issueKey);
    await setTheme(theme, panel);
    const promises = panel.getByTestId('sla-customer');
    await promises.waitFor({ timeout: 20_000 });
    expect(await promises.textContent()).toMatch(/We will respond by/);
    const text = (await panel.locator('body').innerText()) ?? '';
    for (const internal of ['First response', 'Time to', 'Highest', 'Around the clock', 'Waiting for', 'Goal']) expect({ internal, shown: text.includes(internal) }).toEqual({ internal, shown: false });
    await h.page.locator('#panel-frame').evaluate((el) => { (el as HTMLElement).style.width = '320px'; });
    await eventually(() => panel.evaluate(() => window.innerWidth), (w) => w <= 320, 'the panel at 320 px');
    expect(await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(panel)).toEqual([]);
    await h.page.locator('#panel-frame').screenshot({ path: join(ARTIFACTS, `panel-customer-320px-${theme}.png`) });
  });

  it('shows an agent the sidebar summary next to the panel', async () => {
    await actAs(h, USERS.agentAna);
    await openIssue(h, issueKey);
    const summary = await currentFrame(h, 'sla-context');
    await eventually(() => summary.getByTestId('sla-context-summary').textContent({ timeout: 20_000 }), (t) => /left|Breached|Paused|Met/.test(t ?? ''), 'the sidebar summary');
    expect(await seriousViolations(summary)).toEqual([]);
    await h.page.locator('#context-frame').screenshot({ path: join(ARTIFACTS, 'issue-context-agent.png') });
  });
});
