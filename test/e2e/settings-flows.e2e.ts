/**
 * Settings flows in Chromium that component tests alone covered: goal reordering with the keyboard,
 * conditions, holiday pickers, company holidays, special dates, exclusion windows with date-time
 * pickers, follow-the-sun and intersection calendars, the preview, and the version-conflict flow.
 * Each flow ends in what the server stored, read back through the resolver.
 */
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { actAs, ARTIFACTS, control, eventually, startHarness, stopHarness, type Harness } from './browser';
import { openSettings, SETTINGS, type Envelope } from './settings-helpers';

type Saved = { version: number; policy: { name: string; metrics: Array<{ pause: unknown[]; goals: Array<{ id: string }> }>; calendars: Array<Record<string, unknown>> } };
let h: Harness;

const text = async (frame: Frame, testId: string): Promise<string> => (await frame.getByTestId(testId).first().textContent({ timeout: 2000 })) ?? '';

async function saved(projectKey: string): Promise<Saved> {
  const res = await control<Envelope<{ config: Saved }>>(h, '/control/invoke', { moduleKey: SETTINGS, projectKey, as: USERS.admin, functionKey: 'settings.getConfig', payload: {} });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.config;
}

async function saveAndWait(settings: Frame): Promise<void> {
  await settings.getByTestId('save').click();
  await eventually(() => text(settings, 'recompute-status'), (t) => t.startsWith('Saved.'), 'the save confirmation');
  await control(h, '/control/drain');
}

beforeAll(async () => {
  h = await startHarness();
  await actAs(h, USERS.admin);
  h.page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await stopHarness(h);
});

describe('settings flows in the browser', () => {
  it('reorders goals with the keyboard, keeping focus on the moved goal, and saves the new order', async () => {
    const settings = await openSettings(h, 'SUP');
    await settings.getByTestId('tab-goals').click();
    const before = (await saved('SUP')).policy.metrics[0]?.goals.map((g) => g.id) ?? [];
    const second = before[1] ?? '';
    await settings.locator(`#goal-move-up-${second}`).focus();
    await h.page.keyboard.press('Enter');
    expect(await settings.evaluate(() => document.activeElement?.id)).toBe(`goal-move-down-${second}`);
    await saveAndWait(settings);
    expect((await saved('SUP')).policy.metrics[0]?.goals.map((g) => g.id)).toEqual([second, before[0], ...before.slice(2)]);
  });

  it('adds a pause condition on a status picked by name', async () => {
    const settings = await openSettings(h, 'SUP');
    await settings.getByTestId('tab-metrics').click();
    const pauses = (await saved('SUP')).policy.metrics[0]?.pause.length ?? 0;
    await settings.getByRole('button', { name: '+ Condition' }).nth(1).click();
    const row = settings.getByRole('group', { name: `Pause condition ${pauses + 1}`, exact: true });
    await row.getByLabel(`Pause condition ${pauses + 1} kind`, { exact: true }).selectOption('inStatus');
    await row.locator('summary').click();
    await row.getByRole('checkbox', { name: 'Waiting for customer' }).check();
    await saveAndWait(settings);
    expect((await saved('SUP')).policy.metrics[0]?.pause.at(-1)).toEqual({ kind: 'inStatus', statusIds: [expect.any(String)] });
  });

  it('edits holidays, special dates and exclusion windows of a calendar, with pickers', async () => {
    const settings = await openSettings(h, 'MAD');
    const card = settings.locator('.card').filter({ has: settings.getByTestId('holiday-source') }).first();
    // Holiday pickers: English country names, and that year's holidays previewed.
    const country = card.getByLabel('Country', { exact: true });
    expect(await country.locator('option:checked').textContent()).toBe('Spain');
    await eventually(() => text(settings, 'holiday-preview'), (t) => t.length > 0, 'the holiday preview');
    // Company holidays: typed text stays with its row when an earlier row is removed.
    await card.getByRole('button', { name: '+ Company holiday' }).click();
    await card.getByRole('button', { name: '+ Company holiday' }).click();
    const rows = card.getByRole('group', { name: 'Company holiday Company holiday', exact: true });
    await rows.nth(1).getByLabel('Date', { exact: true }).fill('2026-06-15');
    await rows.nth(1).getByLabel('Name', { exact: true }).fill('Team day');
    await rows.nth(0).getByRole('button', { name: 'Remove company holiday Company holiday' }).click();
    expect(await card.getByRole('group', { name: 'Company holiday Team day', exact: true }).getByLabel('Date', { exact: true }).inputValue()).toBe('2026-06-15');
    // Special date: a short day.
    await card.getByRole('button', { name: '+ Special date' }).click();
    await card.getByRole('group', { name: 'Special date (new)', exact: true }).getByLabel('Date', { exact: true }).fill('2026-12-31');
    // Exclusion window, picked in the calendar's zone.
    await card.getByRole('button', { name: '+ Exclusion window' }).click();
    await card.getByLabel('From (Europe/Madrid)', { exact: true }).fill('2026-12-01T22:00');
    await card.getByLabel('Until (Europe/Madrid)', { exact: true }).fill('2026-12-02T02:00');
    await h.page.locator('#settings-frame').screenshot({ path: join(ARTIFACTS, 'settings-calendar-editing.png') });
    await saveAndWait(settings);
    const cal = (await saved('MAD')).policy.calendars[0] ?? {};
    expect((cal.holidays as { custom: unknown[] }).custom).toEqual([{ name: 'Team day', date: '2026-06-15' }]);
    expect(cal.overrides).toEqual([{ date: '2026-12-31', hours: [] }]);
    expect(cal.exclusions).toEqual([{ start: '2026-12-01T21:00:00Z', end: '2026-12-02T01:00:00Z', reason: 'Planned maintenance' }]);
  });

  it('creates follow-the-sun and intersection calendars', async () => {
    const settings = await openSettings(h, 'MAD');
    await settings.getByRole('button', { name: '+ Follow the sun' }).click();
    await settings.getByTestId('calendar-follow-the-sun').getByText('Member calendars').waitFor();
    await settings.getByTestId('add-intersection').click();
    await saveAndWait(settings);
    expect((await saved('MAD')).policy.calendars.map((c) => c.kind)).toEqual(['weekly', 'union', 'intersection']);
  });

  it('previews when an issue created now would be due, matching goals on the priority chosen', async () => {
    const settings = await openSettings(h, 'SUP');
    await settings.getByTestId('tab-preview').click();
    await settings.getByLabel('Priority', { exact: true }).selectOption({ label: 'High' });
    await settings.getByTestId('preview-run').click();
    expect(await eventually(() => text(settings, 'preview-response'), (t) => t !== '', 'the preview')).toMatch(/An issue created now with priority High would be due .* — goal L2 Serious degradation, 2 h\./);
  });

  it('previews a follow-the-sun goal in the viewer zone, saying it is theirs, and names the member zones', async () => {
    const settings = await openSettings(h, 'MAD');
    await settings.getByTestId('tab-goals').click();
    const pickers = settings.getByLabel(/^Calendar of /);
    for (let i = 0; i < (await pickers.count()); i += 1) await pickers.nth(i).selectOption({ label: 'Follow the sun' });
    await settings.getByTestId('tab-preview').click();
    await settings.getByLabel('Priority', { exact: true }).selectOption({ index: 1 });
    await settings.getByTestId('preview-run').click();
    const results = await eventually(() => text(settings, 'preview-results'), (t) => t.includes('would be due'), 'the preview');
    // The browser's own zone is the viewer's (UTC on this harness); the calendar's members are named.
    expect(results).toMatch(/would be due .* \(your time, [^;]+; Follow the sun: Madrid\)/);
  });

  it('refuses to overwrite a version saved meanwhile and loads it on request', async () => {
    const settings = await openSettings(h, 'MAD');
    const mine = await saved('MAD');
    // Someone else saves while this page is open.
    const other = await control<Envelope<unknown>>(h, '/control/invoke', { moduleKey: SETTINGS, projectKey: 'MAD', as: USERS.admin, functionKey: 'settings.save', payload: { policy: { ...mine.policy, name: 'Their change' }, expectedVersion: mine.version } });
    expect(other.ok).toBe(true);
    await settings.getByLabel('Calendar name', { exact: true }).first().fill('My change');
    await settings.getByTestId('save').click();
    await settings.getByTestId('version-conflict').waitFor();
    expect((await saved('MAD')).policy.name).toBe('Their change');
    await settings.getByTestId('reload-latest').click();
    await eventually(() => text(settings, 'config-version'), (t) => t.includes(`Version ${mine.version + 1}`), 'the latest version loaded');
  });
});
