/**
 * Reports end to end in Chromium: the project report and its CSV, credits from recorded outages,
 * and "explain this SLA" in the issue panel, on the emulated Jira + Forge runtime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { USERS } from '../../emulator/jira/catalog';
import { parseCsv } from '@core';
import { actAs, appFrame, ARTIFACTS, control, eventually, startHarness, stopHarness, type Harness } from './browser';

const REPORT = 'sla-report';
const PANEL = 'sla-panel';
let h: Harness;
let breachedKey = '';
let metKey = '';

async function comment(key: string, text: string): Promise<void> {
  await control(h, `/control/issues/${key}/comment`, { text, internal: false, as: USERS.agentAna });
}

/** One issue answered at once (met), one answered two hours late (breached). */
beforeAll(async () => {
  h = await startHarness();
  const met = await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E report: answered at once', priority: 'Highest' });
  const late = await control<{ key: string }>(h, '/control/issues', { project: 'SUP', summary: 'E2E report: answered late', priority: 'Highest' });
  metKey = met.key;
  breachedKey = late.key;
  await control(h, '/control/clock/advance', { minutes: 5 });
  await comment(metKey, 'On it.');
  await control(h, '/control/clock/advance', { minutes: 120 });
  await comment(breachedKey, 'Sorry for the wait.');
  await control(h, '/control/drain');
});

afterAll(async () => {
  await stopHarness(h);
});

async function openReport(): Promise<Frame> {
  await actAs(h, USERS.admin);
  await h.page.goto(`${h.running.url}/#/project/SUP/page`);
  await h.page.reload();
  const frame = await appFrame(h.page, REPORT);
  await frame.locator('[data-testid="compliance-table"]').waitFor({ timeout: 30_000 });
  return frame;
}

async function download(frame: Frame, testId: string): Promise<string[][]> {
  const [file] = await Promise.all([h.page.waitForEvent('download'), frame.click(`[data-testid="${testId}"]`)]);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

const nearestRank = (sorted: number[], p: number): number => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? NaN;

/** Figures per month, metric and goal recomputed in the test from the cycle rows. */
function figuresFrom(cycles: string[][]): Map<string, string[]> {
  const [header, ...rows] = cycles;
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const groups = new Map<string, { met: number[]; breached: number }>();
  for (const r of rows) {
    const result = r[col('Result')];
    if (result !== 'met' && result !== 'breached') continue;
    const key = [(r[col('Stop')] ?? '').slice(0, 7), r[col('Metric')], r[col('Goal')]].join('|');
    const g = groups.get(key) ?? { met: [], breached: 0 };
    if (result === 'met') g.met.push(Number(r[col('Elapsed ms')]));
    else g.breached += 1;
    groups.set(key, g);
  }
  const out = new Map<string, string[]>();
  for (const [key, g] of groups) {
    const sorted = [...g.met].sort((a, b) => a - b);
    const total = g.met.length + g.breached;
    out.set(key, [String(g.met.length), String(g.breached), String(Math.round((g.met.length / total) * 10_000) / 100),
      sorted.length ? String(nearestRank(sorted, 50)) : '', sorted.length ? String(nearestRank(sorted, 90)) : '']);
  }
  return out;
}

describe('SLA reports in the browser', () => {
  it('opens the report, downloads the CSVs, and its figures equal a computation from the cycle rows', async () => {
    const frame = await openReport();
    await h.page.screenshot({ path: join(ARTIFACTS, 'project-report.png'), fullPage: true });
    const cycles = await download(frame, 'csv-cycles');
    const figures = await download(frame, 'csv-compliance');
    const results = new Map(cycles.slice(1).filter((r) => r[1] === 'Time to first response').map((r) => [r[0], r[9]]));
    expect(results.get(metKey)).toBe('met');
    expect(results.get(breachedKey)).toBe('breached');
    const expected = figuresFrom(cycles);
    const [head, ...rows] = figures;
    expect(head?.slice(0, 6)).toEqual(['Month', 'Metric', 'Goal', 'Met', 'Breached', '% met']);
    // Stop instants carry the report zone's offset, so their first 7 characters are the report month.
    const actual = new Map(rows.map((r) => [[r[0], r[1], r[2]].join('|'), [r[3], r[4], r[5], r[7], r[9]] as string[]]));
    expect(actual).toEqual(expected);
    expect(await frame.locator('[data-testid="compliance-row"]').count()).toBe(rows.length);
    await h.page.click('#theme-toggle');
    await eventually(() => frame.evaluate(() => document.documentElement.getAttribute('data-color-mode')), (m) => m === 'dark', 'the dark theme in the report');
    await h.page.screenshot({ path: join(ARTIFACTS, 'project-report-dark.png'), fullPage: true });
    await h.page.click('#theme-toggle');
  });

  it('records an outage and shows the credit it earns, rising as more downtime is recorded', async () => {
    const frame = await openReport();
    await frame.getByRole('tab', { name: 'Uptime and credits' }).click();
    const month = await frame.locator('[data-testid="uptime-month"]').inputValue();
    const record = async (start: string, end: string) => {
      await frame.fill('[data-testid="outage-service"]', 'Customer portal');
      await frame.fill('[data-testid="outage-start"]', `${month}-03T10:00`);
      await frame.fill('[data-testid="outage-end"]', `${month}-03T${end}`);
      await frame.fill('[data-testid="outage-description"]', `E2E outage from ${start}`);
      await frame.click('[data-testid="outage-save"]');
    };
    await record('10:00', '11:00');
    const credit = () => frame.locator('[data-testid="statement-credit"]').first().textContent({ timeout: 2000 });
    expect(await eventually(credit, (t) => t === '7 days credit', 'a 7-day credit')).toBe('7 days credit');
    await record('10:00', '19:00');
    expect(await eventually(credit, (t) => t === '14 days credit', 'a 14-day credit')).toBe('14 days credit');
    await h.page.screenshot({ path: join(ARTIFACTS, 'uptime-credits.png'), fullPage: true });
  });

  it('reads an outage recorded as an issue once an admin names its type and date fields, and shows its credit', async () => {
    const frame = await openReport();
    await frame.getByRole('tab', { name: 'Uptime and credits' }).click();
    const month = await frame.locator('[data-testid="uptime-month"]').inputValue();
    await control(h, '/control/issues', {
      project: 'SUP', summary: 'E2E status page down', issueType: 'Service Request', as: USERS.admin,
      fields: { customfield_10060: `${month}-04T08:00:00.000+0000`, customfield_10061: `${month}-04T09:00:00.000+0000` },
    });
    await frame.locator('[data-testid="outage-source-editor"] summary').click();
    await frame.selectOption('[data-testid="source-type"]', { label: 'Service Request' });
    await frame.selectOption('[data-testid="source-start"]', { label: 'Outage start' });
    await frame.selectOption('[data-testid="source-end"]', { label: 'Outage end' });
    await frame.fill('[data-testid="source-service"]', 'Status page');
    await frame.click('[data-testid="source-save"]');
    const statement = frame.locator('[data-testid="statement"]', { hasText: 'Status page' });
    const credit = () => statement.locator('[data-testid="statement-credit"]').textContent({ timeout: 2000 });
    expect(await eventually(credit, (t) => t === '7 days credit', 'a 7-day credit from the outage issue')).toBe('7 days credit');
    expect(await statement.textContent()).toContain('E2E status page down');
  });

  it('expands "explain this SLA" on a breached issue', async () => {
    await actAs(h, USERS.agentAna);
    await h.page.goto(`${h.running.url}/#/issue/${breachedKey}`);
    await h.page.reload();
    const frame = await appFrame(h.page, PANEL);
    await frame.locator('[data-testid="explain-toggle"]').click({ timeout: 30_000 });
    const text = await eventually(() => frame.locator('[data-testid="explain"]').textContent({ timeout: 2000 }), (t) => (t ?? '').includes('breached'), 'the explanation');
    expect(text).toContain('Time to first response · breached');
    expect(text).toContain('Counted');
    await h.page.locator('#panel-frame').screenshot({ path: join(ARTIFACTS, 'explain.png') });
  });
});
