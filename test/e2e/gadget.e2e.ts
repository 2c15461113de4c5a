/**
 * The dashboard gadget end to end in Chromium: add it to a dashboard, configure it in its edit
 * view, and see breached and due-soon issues with countdowns, in light and dark, 320 px wide, with
 * no serious axe violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { actAs, ARTIFACTS, control, eventually, latestFrame, startHarness, stopHarness, type Harness } from './browser';

const GADGET = 'sla-gadget';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };
let h: Harness;
let breachedKey = '';
let dueKey = '';

/** SUP answers Highest in 1 h around the clock: one issue 70 minutes old (breached), one 40 minutes old (due in 20). */
beforeAll(async () => {
  h = await startHarness();
  breachedKey = (await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E gadget: waiting too long', priority: 'Highest' })).key;
  await control(h, '/control/clock/advance', { minutes: 30 });
  dueKey = (await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E gadget: due soon', priority: 'Highest' })).key;
  await control(h, '/control/clock/advance', { minutes: 40 });
  await control(h, '/control/sweep');
  await control(h, '/control/drain');
});

afterAll(async () => {
  await stopHarness(h);
});

async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function gadgetFrame(testId: string): Promise<Frame> {
  return eventually(async () => {
    try {
      const f = latestFrame(h.page, GADGET);
      return (await f.locator(`[data-testid="${testId}"]`).count()) > 0 ? f : null;
    } catch {
      return null;
    }
  }, (f) => f !== null, `the gadget showing ${testId}`, 30_000) as Promise<Frame>;
}

describe('dashboard gadget', () => {
  it('is added to a dashboard, configured, and lists the breached and the due-soon issue with this month compliance', async () => {
    await actAs(h, USERS.admin);
    await h.page.goto(`${h.running.url}/#/dashboard`);
    await h.page.evaluate(() => localStorage.removeItem('emu_dashboard'));
    await h.page.reload();
    await h.page.locator('#add-gadget').click();
    const edit = await gadgetFrame('gadget-edit');
    const project = edit.getByTestId('gadget-project');
    await eventually(() => project.locator('option').count(), (n) => n > 1, 'the project list');
    const sup = await project.locator('option', { hasText: '(SUP)' }).getAttribute('value');
    await project.selectOption(sup ?? '');
    await eventually(() => edit.getByTestId('gadget-metric').locator('option').count(), (n) => n > 0, 'the metric list');
    expect(await seriousViolations(edit)).toEqual([]);
    await edit.getByTestId('gadget-save').click();
    const view = await gadgetFrame('sla-gadget');
    await eventually(() => view.getByTestId('gadget-breached').textContent(), (t) => (t ?? '').includes(breachedKey), 'the breached issue');
    expect(await view.getByTestId('gadget-due').textContent()).toContain(dueKey);
    expect(await view.getByTestId('gadget-due').textContent()).toMatch(/left/);
    expect(await view.getByTestId('gadget-breached').textContent()).not.toContain(dueKey);
    expect(await view.getByTestId('gadget-compliance').textContent()).toMatch(/^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}: /);
  });

  it.each(['light', 'dark'] as const)('fits 320 px without sideways overflow and has no serious axe violation (%s)', async (theme) => {
    await h.page.setViewportSize({ width: 700, height: 900 });
    await h.page.goto(`${h.running.url}/#/dashboard`);
    if ((await h.page.locator('html').getAttribute('data-color-mode')) !== theme) await h.page.locator('#theme-toggle').click();
    const view = await gadgetFrame('sla-gadget');
    await eventually(() => view.locator('html').getAttribute('data-color-mode'), (m) => m === theme, `the gadget in ${theme}`);
    await h.page.locator('iframe.gadget').first().evaluate((el) => { (el as HTMLElement).style.width = '320px'; });
    await eventually(() => view.evaluate(() => window.innerWidth), (w) => w <= 320, 'the gadget at 320 px');
    expect(await view.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(view)).toEqual([]);
    await h.page.locator('iframe.gadget').first().screenshot({ path: join(ARTIFACTS, `gadget-320px-${theme}.png`) });
  });
});
