/**
 * What a person reads carries no raw id, internal path or developer word: the text of the agent
 * panel (with "explain" open), the sidebar summary, every settings tab, the preview and coverage
 * results and the preset mapping step is read in Chromium and searched for Jira ids, validation
 * paths, enum values and leaked JavaScript values.
 */
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { actAs, control, startHarness, stopHarness, type Harness } from './browser';
import { currentFrame, openIssue, openSettings } from './settings-helpers';

/** Each pattern, with what it would mean if it matched. */
const LEAKS: Array<[RegExp, string]> = [
  [/\b\d{5,}\b/, 'a Jira id (statuses, fields, issues and options are numbered from 10000)'],
  [/\b[a-z]\w*\[\d+\]/i, 'an internal path such as calendars[0]'],
  [/\bcustomfield_\d+\b/, 'a custom field id'],
  [/\b(?:notApplicable|NOTAPPLICABLE|breachedRunning|breachedStopped|notStarted|inStatus|statusIds|priorityIds|issueTypeIds|fieldId|calendarId|goalId|metricKey)\b/, 'an enum value or property name'],
  [/\b(?:undefined|NaN)\b|\[object Object\]/, 'a leaked JavaScript value'],
];

let h: Harness;
let issueKey = '';

/** `least`: the fewest characters the screen shows, so an empty or unloaded frame cannot pass. */
async function leaksIn(frame: Frame, screen: string, least = 40): Promise<string[]> {
  const text = await frame.evaluate(() => document.body.innerText);
  if (text.trim().length < least) return [`${screen}: too little text read to judge (${JSON.stringify(text)})`];
  return LEAKS.flatMap(([pattern, meaning]) => {
    const m = pattern.exec(text);
    return m ? [`${screen}: "${m[0]}" looks like ${meaning}`] : [];
  });
}

beforeAll(async () => {
  h = await startHarness();
  await actAs(h, USERS.admin);
  h.page.setDefaultTimeout(20_000);
  await h.page.setViewportSize({ width: 1400, height: 1000 });
  issueKey = (await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E: plain text', priority: 'High' })).key;
  await control(h, '/control/drain');
});

afterAll(async () => {
  await stopHarness(h);
});

describe('text a person reads', () => {
  it('shows no raw id, internal path or developer word in the panel, its explanation or the sidebar summary', async () => {
    const panel = await openIssue(h, issueKey);
    await panel.getByTestId('sla-metric-response').waitFor();
    await panel.getByTestId('explain-toggle').click();
    await panel.getByTestId('explain-cycle').first().waitFor();
    const summary = await currentFrame(h, 'sla-context');
    await summary.getByTestId('sla-context-summary').waitFor();
    expect([...(await leaksIn(panel, 'panel')), ...(await leaksIn(summary, 'sidebar summary', 5))]).toEqual([]);
  });

  it('shows no raw id, internal path or developer word on any settings tab, in the preview or in the preset mapping step', async () => {
    const settings = await openSettings(h, 'SUP');
    const found: string[] = [];
    for (const tab of ['calendars', 'metrics', 'goals', 'warnings', 'presets']) {
      await settings.getByTestId(`tab-${tab}`).click();
      await settings.locator(`#panel-${tab}`).waitFor();
      found.push(...(await leaksIn(settings, `settings ${tab}`)));
    }
    await settings.getByTestId('tab-preview').click();
    await settings.getByTestId('preview-run').click();
    await settings.getByTestId('preview-results').waitFor();
    await settings.getByTestId('coverage-run').click();
    await settings.getByTestId('coverage-results').waitFor({ timeout: 60_000 });
    found.push(...(await leaksIn(settings, 'preview and coverage')));
    await settings.getByTestId('tab-presets').click();
    await settings.getByRole('button', { name: 'Apply preset Level 1–4 on Saxon business hours' }).click();
    await settings.getByTestId('preset-mapping').waitFor();
    found.push(...(await leaksIn(settings, 'preset mapping')));
    expect(found).toEqual([]);
  });
});
