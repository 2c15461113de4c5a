/**
 * "Try on past issues" in Chromium on the demo site: the admin tightens Priority Support's L4 goal
 * to one minute around the clock without saving, replays the issues resolved in the last 30 days, and sees the
 * resolved demo issue (answered after 100 minutes) go from met to breached. Nothing is saved.
 */
import { USERS } from '../../emulator/jira/catalog';
import { actAs, eventually, startHarness, stopHarness, type Harness } from './browser';
import { openSettings, savedVersion } from './settings-helpers';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await actAs(h, USERS.admin);
  h.page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await stopHarness(h);
});

describe('the what-if tab in the browser', () => {
  it('replays resolved demo issues under an unsaved, tighter goal and shows the outcome that changes', async () => {
    const versionBefore = await savedVersion(h, 'SUP');
    const settings = await openSettings(h, 'SUP');
    await settings.getByRole('tab', { name: 'Goals' }).click();
    await settings.getByTestId('goal-unit-l4').selectOption('minutes');
    await settings.getByTestId('goal-target-l4').fill('1');
    // Around the clock, so the demo's timing (it may have been seeded over a weekend) cannot hide the change.
    await settings.getByLabel(/^Calendar of L4/).selectOption('24x7');
    await settings.getByRole('tab', { name: 'Try on past issues' }).click();
    await settings.getByTestId('whatif-days').fill('30');
    await settings.getByTestId('whatif-run').click();
    const summary = await eventually(async () => (await settings.getByTestId('whatif-summary').textContent({ timeout: 2000 })) ?? '',
      (t) => t.includes('would newly breach'), 'the what-if summary', 60_000);
    expect(summary).toMatch(/^\d+ issues resolved in the last 30 days/);
    expect(summary).toContain('1 would newly breach');
    const change = (await settings.getByTestId('whatif-changed').textContent()) ?? '';
    expect(change).toMatch(/SUP-\d+ Time to first response: met \(due .+\) → breached \(due .+\)/);
    expect(await savedVersion(h, 'SUP')).toBe(versionBefore);
  });
});
