/**
 * Accessibility and layout of both apps in Chromium: axe-core runs inside each app frame on every
 * screen (panel; settings tabs; preset mapping step), in light and dark, and finds no serious or
 * critical violation. The panel is drawn at 320 px and the host page at 700 px without horizontal
 * overflow; screenshots of each go to test-artifacts/. Keyboard: the settings tabs move with the
 * arrow keys and every control is reached with Tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { actAs, ARTIFACTS, control, eventually, startHarness, stopHarness, type Harness } from './browser';
import { openIssue, openSettings } from './settings-helpers';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };

let h: Harness;
let issueKey = '';

/** axe in the app's frame; evaluate runs through the browser's debugging protocol, so the app's CSP does not block it. */
async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function setTheme(theme: 'light' | 'dark', frame: Frame): Promise<void> {
  if ((await h.page.locator('html').getAttribute('data-color-mode')) !== theme) await h.page.locator('#theme-toggle').click();
  await eventually(() => frame.locator('html').getAttribute('data-color-mode'), (m) => m === theme, `the app in ${theme}`);
}

async function overflowsX(frame: Frame): Promise<number> {
  return frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  h = await startHarness();
  await actAs(h, USERS.admin);
  h.page.setDefaultTimeout(10_000);
  const created = await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E: accessibility of the panel', priority: 'High' });
  issueKey = created.key;
  await control(h, '/control/drain');
});

afterAll(async () => {
  await stopHarness(h);
});

describe('accessibility and layout', () => {
  it.each(['light', 'dark'] as const)('finds no serious or critical axe violation in the panel (%s), 320 px wide without overflow', async (theme) => {
    await h.page.setViewportSize({ width: 700, height: 1000 });
    const panel = await openIssue(h, issueKey);
    await setTheme(theme, panel);
    await panel.getByTestId('sla-metric-response').waitFor({ timeout: 20_000 });
    expect(await seriousViolations(panel)).toEqual([]);
    // The host page at 700 px: nothing sticks out sideways.
    expect(await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await h.page.screenshot({ path: join(ARTIFACTS, `host-issue-700px-${theme}.png`), fullPage: true });
    // The panel frame at 320 px, as in a narrow issue sidebar.
    await h.page.locator('#panel-frame').evaluate((el) => { (el as HTMLElement).style.width = '320px'; });
    await eventually(() => panel.evaluate(() => window.innerWidth), (w) => w <= 320, 'the panel at 320 px');
    expect(await overflowsX(panel)).toBeLessThanOrEqual(0);
    await h.page.locator('#panel-frame').screenshot({ path: join(ARTIFACTS, `panel-agent-320px-${theme}.png`) });
  });

  it.each(['light', 'dark'] as const)('finds no serious or critical axe violation on any settings tab (%s)', async (theme) => {
    await h.page.setViewportSize({ width: 1400, height: 1000 });
    const settings = await openSettings(h, 'SUP');
    await setTheme(theme, settings);
    const found: Record<string, string[]> = {};
    for (const tab of ['calendars', 'metrics', 'goals', 'warnings', 'presets', 'preview']) {
      await settings.getByTestId(`tab-${tab}`).click();
      await settings.locator(`#panel-${tab}`).waitFor();
      found[tab] = await seriousViolations(settings);
    }
    await settings.getByTestId('tab-presets').click();
    await settings.getByRole('button', { name: 'Apply preset Level 1–4 on Saxon business hours' }).click();
    await settings.getByTestId('preset-mapping').waitFor({ timeout: 20_000 });
    found.mapping = await seriousViolations(settings);
    await h.page.locator('#settings-frame').screenshot({ path: join(ARTIFACTS, `settings-preset-mapping-${theme}.png`) });
    expect(found).toEqual({ calendars: [], metrics: [], goals: [], warnings: [], presets: [], preview: [], mapping: [] });
  });

  it('moves between settings tabs with the arrow keys and reaches the save bar with Tab', async () => {
    const settings = await openSettings(h, 'SUP');
    await settings.getByTestId('tab-calendars').focus();
    await h.page.keyboard.press('ArrowRight');
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-metrics');
    expect(await settings.getByTestId('tab-metrics').getAttribute('aria-selected')).toBe('true');
    // Tab walks forward through the page until the Check button of the save bar.
    let reached = false;
    for (let i = 0; i < 400 && !reached; i += 1) {
      await h.page.keyboard.press('Tab');
      reached = (await settings.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'check';
    }
    expect(reached).toBe(true);
  });
});
