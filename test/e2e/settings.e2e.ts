/**
 * The project settings page end to end in Chromium, driven through the host page like a new admin
 * would: set up a project that has no policy from scratch (weekly hours, zone, a goal target as
 * number and unit), watch the issue panel follow, apply a preset through its mapping step, meet the validation errors,
 * and take screenshots of both apps in light and dark theme. Resolvers and the control API are only
 * used to read results back and to wait for the recompute to drain.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { formatDateTime } from '../../static/shared/format';
import { actAs, ARTIFACTS, control, eventually, startHarness, stopHarness, type Harness } from './browser';
import {
  addUnconfiguredProject, bodyLuminance, createdAt, createIssueOnHostPage, currentFrame, openIssue, openSettings,
  resolverDueAt, savedConfig, savedVersion, SETTINGS,
} from './settings-helpers';
import { naiveDue, publicHolidayDates, type Week } from './settings-reference';

const PROJECT = 'NEW';
const VIEWER_ZONE = 'Europe/Madrid'; // Alex Admin's Jira time zone: the panel shows due times in it.
const CALENDAR_ZONE = 'Asia/Tokyo';
const SPLIT_DAY: Array<[string, string]> = [['08:00', '12:00'], ['13:00', '17:00']];
const SCRATCH_WEEK: Week = { mon: SPLIT_DAY, tue: SPLIT_DAY, wed: SPLIT_DAY, thu: SPLIT_DAY, fri: SPLIT_DAY };
const LONDON_WEEK: Week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '22:00']]]));

let h: Harness;
/** The NEW project's first issue under a policy, shared by the scenarios (they run in order, as one admin's story). */
let scratchIssue = '';
let scratchDueText = '';

const text = async (frame: Frame, testId: string): Promise<string> =>
  (await frame.getByTestId(testId).first().textContent({ timeout: 2000 })) ?? '';

/** "Due Mon 23 Nov, 01:00 (Mon 23 Nov, 09:00 Tokyo)": the viewer's zone, then the calendar's. */
function dueLine(at: number, calendarZone: string, city: string): string {
  return `Due ${formatDateTime(at, VIEWER_ZONE)} (${formatDateTime(at, calendarZone)} ${city})`;
}

beforeAll(async () => {
  h = await startHarness();
  await addUnconfiguredProject(h, PROJECT, 'New Support Desk');
  await actAs(h, USERS.admin);
  h.page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await stopHarness(h);
});

describe('SLA settings in the browser', () => {
  it('sets up a project without a policy from scratch: weekly hours, zone, a 2-hour goal, and the panel follows', async () => {
    // Before any policy: the panel says so and links the admin to the settings page.
    const earlyIssue = await createIssueOnHostPage(h, PROJECT, 'E2E: created before any SLA policy', 'High');
    const early = await openIssue(h, earlyIssue);
    await early.getByTestId('sla-not-configured').waitFor({ timeout: 20_000 });
    expect(await savedVersion(h, PROJECT)).toBeNull();
    await early.getByTestId('sla-open-settings').click();
    await eventually(async () => h.page.url(), (u) => u.endsWith(`#/project/${PROJECT}/settings`), 'the host page on the settings route');

    const settings = await currentFrame(h, SETTINGS);
    await settings.getByTestId('start-screen').waitFor({ timeout: 20_000 });
    await settings.getByTestId('start-from-scratch').click();
    expect(await text(settings, 'config-version')).toContain('Not saved yet');

    // Calendars tab: the zone, and Monday split into two intervals copied to Tuesday–Friday.
    const calendar = settings.getByTestId('calendar-business-hours');
    await calendar.getByLabel('Time zone', { exact: true }).selectOption(CALENDAR_ZONE);
    await settings.getByLabel('Monday interval 1 opens', { exact: true }).fill('08:00');
    await settings.getByLabel('Monday interval 1 closes', { exact: true }).fill('12:00');
    await settings.getByRole('button', { name: 'Add hours on Monday' }).click();
    await settings.getByLabel('Monday interval 2 opens', { exact: true }).fill('13:00');
    await settings.getByLabel('Monday interval 2 closes', { exact: true }).fill('17:00');
    await settings.getByRole('button', { name: "Copy Monday's hours to Tuesday–Friday" }).click();
    expect(await settings.getByLabel('Friday interval 2 closes', { exact: true }).inputValue()).toBe('17:00');
    expect(await settings.getByTestId('day-sat').textContent()).toContain('Closed');

    // Goals tab: the target is a number and a unit; the field explains it in words.
    await settings.getByTestId('tab-goals').click();
    const target = settings.getByLabel('Target of All issues', { exact: true });
    expect(await settings.getByLabel('Unit of the target of All issues', { exact: true }).inputValue()).toBe('hours');
    await target.fill('');
    await target.pressSequentially('2');
    await eventually(() => target.getAttribute('aria-invalid'), (v) => v === null, 'the 2 hours target accepted');

    await settings.getByTestId('save').click();
    const status = await eventually(() => text(settings, 'recompute-status'), (t) => t.startsWith('Saved.'), 'the save confirmation');
    expect(status).toMatch(/^Saved\./);
    await h.page.locator('#settings-frame').screenshot({ path: join(ARTIFACTS, 'settings-from-scratch.png') });
    await control(h, '/control/drain');
    // When it was saved, in the admin's Jira time zone (from the host context), not the browser's.
    const saved = await savedConfig(h, PROJECT);
    expect(saved?.version).toBe(1);
    expect(await text(settings, 'config-version')).toBe(`Version 1, saved ${formatDateTime(Date.parse(saved?.updatedAt ?? ''), VIEWER_ZONE)}.`);

    // A new issue: the panel shows the goal and a due time two business hours later on Tokyo's hours.
    scratchIssue = await createIssueOnHostPage(h, PROJECT, 'E2E: first issue under the new policy', 'High');
    const created = await createdAt(h, scratchIssue);
    const expectedDue = naiveDue(created, 120, CALENDAR_ZONE, SCRATCH_WEEK);
    const panel = await openIssue(h, scratchIssue);
    const goal = await eventually(() => text(panel, 'sla-goal-response'), (t) => t !== '', 'the goal line');
    expect(goal).toBe('All issues — 2 h, Business hours');
    scratchDueText = await eventually(() => text(panel, 'sla-due-response'), (t) => t !== '', 'the due line');
    expect(scratchDueText).toBe(dueLine(expectedDue, CALENDAR_ZONE, 'Tokyo'));
    expect(await resolverDueAt(h, scratchIssue, 'response')).toBe(expectedDue);

    // The issue created before the policy existed was recalculated by the save as well.
    const earlyPanel = await openIssue(h, earlyIssue);
    expect(await eventually(() => text(earlyPanel, 'sla-goal-response'), (t) => t !== '', 'the early issue goal')).toBe('All issues — 2 h, Business hours');
  });

  it('applies a preset through the mapping step, saves, and an existing issue\'s panel changes after the recompute', async () => {
    expect(scratchIssue).not.toBe('');
    const settings = await openSettings(h, PROJECT);
    await settings.getByTestId('tab-presets').click();
    await settings.getByRole('button', { name: 'Apply preset Four-tier priorities' }).click();
    // The site has no "Urgent" priority nor a feature-request type: Urgent gets the best guess
    // (the priority above High), the feature-request goal is labelled as matching no issue.
    const step = settings.getByTestId('preset-mapping');
    await step.waitFor({ timeout: 20_000 });
    expect(await step.getByLabel('Urgent applies to: Highest', { exact: true }).count()).toBe(1);
    expect(await step.getByLabel('Low (feature request) applies to: Nothing chosen', { exact: true }).count()).toBe(1);
    expect(await step.getByText('Matches no issue').count()).toBe(1);
    // Every assumption is shown and must be confirmed, England's bank holidays included.
    const assumptions = step.getByTestId('preset-assumptions');
    await eventually(() => assumptions.textContent(), (t) => (t ?? '').includes('United Kingdom (England)'), 'the holiday region in words');
    expect(await step.getByTestId('preset-use').isDisabled()).toBe(true);
    for (const box of await assumptions.getByRole('checkbox').all()) await box.check();
    await h.page.locator('#settings-frame').screenshot({ path: join(ARTIFACTS, 'settings-preset-mapping.png') });
    await step.getByTestId('preset-use').click();
    const notice = await eventually(() => text(settings, 'preset-applied'), (t) => t !== '', 'the preset notice');
    expect(notice).toContain('Preset "Four-tier priorities" applied — not saved yet.');
    // The preset's calendars replace the scratch one (cards start collapsed but for the first).
    const cards = await settings.locator('button[aria-expanded]').allTextContents();
    expect(cards.map((c) => c.replace(/^[▾▸]\s*/, ''))).toEqual(['24x7', 'London Mon–Fri 8–22']);

    await settings.getByTestId('save').click();
    await eventually(() => text(settings, 'recompute-status'), (t) => t.startsWith('Saved.'), 'the save confirmation');
    expect(await text(settings, 'config-version')).toContain('Version 2');
    await control(h, '/control/drain');

    const created = await createdAt(h, scratchIssue);
    const expectedDue = naiveDue(created, 4 * 60, 'Europe/London', LONDON_WEEK, publicHolidayDates('GB', 'ENG', created));
    const panel = await openIssue(h, scratchIssue);
    const goal = await eventually(() => text(panel, 'sla-goal-response'), (t) => t.startsWith('High'), 'the High goal');
    expect(goal).toBe('High — 4 h, London Mon–Fri 8–22');
    const due = await eventually(() => text(panel, 'sla-due-response'), (t) => t !== '' && t !== scratchDueText, 'a new due time');
    expect(due).toBe(dueLine(expectedDue, 'Europe/London', 'London'));
    expect(await resolverDueAt(h, scratchIssue, 'response')).toBe(expectedDue);
  });

  it('shows validation errors next to the fields and refuses to save them', async () => {
    const settings = await openSettings(h, PROJECT);
    const save = settings.getByTestId('save');
    const status = settings.getByTestId('save-bar').getByRole('status');
    expect(await status.textContent()).toBe('All changes saved.');

    // A target that is not a whole number of hours: an error under the box, tied to it for screen readers, and Save is disabled.
    await settings.getByTestId('tab-goals').click();
    const target = settings.getByLabel('Target of High', { exact: true });
    await target.fill('0');
    const targetError = await eventually(() => text(settings, 'error-metrics[0].goals[2].target'), (t) => t !== '', 'the target error');
    expect(targetError).toBe('Enter a whole number of hours, 1 or more.');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ((await target.getAttribute('aria-describedby')) ?? '').split(' ');
    const errorId = await settings.getByTestId('error-metrics[0].goals[2].target').getAttribute('id');
    expect(describedBy).toContain(errorId);
    expect(await save.isDisabled()).toBe(true);
    expect(await status.textContent()).toBe('Fix 1 problem before saving.');
    // Leaving the tab keeps the typed text and the refusal; the tab label says what is left to fix.
    await settings.getByTestId('tab-calendars').click();
    expect(await settings.getByRole('tab', { name: 'Goals (1 to fix)' }).count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);
    await settings.getByTestId('tab-goals').click();
    expect(await target.inputValue()).toBe('0');
    // A valid change clears the error and enables Save.
    await target.fill('3');
    await eventually(() => save.isDisabled(), (d) => !d, 'Save enabled by a valid target');
    expect(await settings.getByTestId('error-metrics[0].goals[2].target').count()).toBe(0);
    expect(await status.textContent()).toBe('You have unsaved changes.');

    // A malformed opening time on the Calendars tab: same treatment.
    await settings.getByTestId('tab-calendars').click();
    await settings.getByRole('button', { name: /London Mon–Fri 8–22/ }).click();
    const london = settings.getByTestId('calendar-london-8-22');
    const closes = london.getByLabel('Monday interval 1 closes', { exact: true });
    await closes.fill('25:00');
    const timeError = await eventually(() => text(settings, 'error-calendars[1].week.mon[0].end'), (t) => t !== '', 'the time error');
    expect(timeError).toBe('Use 24-hour time such as 09:00, 17:30 or 24:00.');
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    expect(await save.isDisabled()).toBe(true);
    expect(await status.textContent()).toBe('Fix 1 problem before saving.');
    await closes.fill('21:00');
    await eventually(() => save.isDisabled(), (d) => !d, 'Save enabled by a valid time');

    // Problems the server used to find alone, now found as they are made by the same validator:
    // an empty calendar name, and a second Monday interval 21:00–21:00 (empty). Plain sentences, no
    // paths, one count everywhere, and Save stays locked (nothing is stored).
    await london.getByLabel('Calendar name', { exact: true }).fill('');
    await london.getByRole('button', { name: 'Add hours on Monday' }).click();
    expect(await london.getByLabel('Monday interval 2 opens', { exact: true }).inputValue()).toBe('21:00');
    const issues = await eventually(() => text(settings, 'save-issues'), (t) => t.includes('2 problems to fix'), 'the listed problems');
    expect(issues).not.toMatch(/calendars\[|\bweek\.|"name"/);
    expect(await status.textContent()).toBe('Fix 2 problems before saving.');
    expect(await save.isDisabled()).toBe(true);
    expect(await settings.getByRole('tab', { name: 'Calendars (2 to fix)' }).count()).toBe(1);
    const nameField = london.getByLabel('Calendar name', { exact: true });
    expect(await text(settings, 'error-calendars[1].name')).toBe('Calendar 2 needs a name.');
    expect(issues).toContain('Calendar 2 needs a name.');
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    // The interval's message sits inside the interval's group, and its link in the save bar takes
    // the keyboard to the interval.
    const emptyInterval = "Calendar 2, Monday's second interval (21:00–21:00) opens and closes at the same time; use 00:00–24:00 for a whole day.";
    expect(issues).toContain(emptyInterval);
    const interval = london.getByRole('group', { name: 'Monday interval 2', exact: true });
    expect(await interval.getByTestId('error-calendars[1].week.mon[1]').textContent()).toBe(emptyInterval);
    await settings.getByTestId('save-issues').getByRole('button', { name: /21:00–21:00\) opens and closes/ }).click();
    expect(await settings.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('calendars[1].week.mon[1].start');
    expect(await text(settings, 'config-version')).toContain('Version 2');
    expect(await savedVersion(h, PROJECT)).toBe(2);

    // Fixing both (name back, interval removed) lets the save through.
    await nameField.fill('London Mon–Fri 8–22');
    await london.getByRole('button', { name: 'Remove Monday interval 2' }).click();
    await save.click();
    await eventually(() => text(settings, 'recompute-status'), (t) => t.startsWith('Saved.'), 'the corrected save');
    expect(await text(settings, 'config-version')).toContain('Version 3');
    await control(h, '/control/drain');
  });

  it('renders both apps in light and dark theme (screenshots in test-artifacts/)', async () => {
    const luminance: Record<string, number> = {};
    const isThemed = (theme: 'light' | 'dark') => (l: number) => (theme === 'dark' ? l < 0.3 : l > 0.7);
    let panel = await openIssue(h, scratchIssue);
    for (const theme of ['light', 'dark'] as const) {
      // The settings page is open when the host's toggle is pressed: it follows live.
      const settings = await openSettings(h, PROJECT);
      await settings.getByTestId('config-version').waitFor();
      if ((await h.page.locator('html').getAttribute('data-color-mode')) !== theme) await h.page.locator('#theme-toggle').click();
      await eventually(() => settings.locator('html').getAttribute('data-color-mode'), (m) => m === theme, `settings in ${theme}`);
      luminance[`settings-${theme}`] = await eventually(() => bodyLuminance(settings), isThemed(theme), `a ${theme} settings background`);
      await h.page.locator('#settings-frame').screenshot({ path: join(ARTIFACTS, `project-settings-${theme}.png`) });

      // The panel opened afterwards starts in the host's theme.
      panel = await openIssue(h, scratchIssue);
      await eventually(() => panel.locator('html').getAttribute('data-color-mode'), (m) => m === theme, `panel in ${theme}`);
      expect(await eventually(() => text(panel, 'sla-goal-response'), (t) => t !== '', 'the panel content')).toBe('High — 3 h, London Mon–Fri 8–22');
      luminance[`panel-${theme}`] = await eventually(() => bodyLuminance(panel), isThemed(theme), `a ${theme} panel background`);
      await h.page.locator('#panel-frame').screenshot({ path: join(ARTIFACTS, `issue-panel-${theme}.png`) });
    }
    for (const app of ['settings', 'panel']) expect(luminance[`${app}-light`] ?? 0).toBeGreaterThan((luminance[`${app}-dark`] ?? 1) + 0.4);
    for (const name of ['project-settings-light', 'project-settings-dark', 'issue-panel-light', 'issue-panel-dark']) {
      expect(statSync(join(ARTIFACTS, `${name}.png`)).size).toBeGreaterThan(1000);
    }
    // Back to light with the panel open: it follows the toggle live too (and the profile ends as it began).
    await h.page.locator('#theme-toggle').click();
    await eventually(() => panel.locator('html').getAttribute('data-color-mode'), (m) => m === 'light', 'the panel back in light');
    expect(await eventually(() => bodyLuminance(panel), isThemed('light'), 'a light panel background')).toBeGreaterThan(0.7);
  });
});
