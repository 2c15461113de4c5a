/**
 * The backtest CLI against the emulator on a free port: the demo site's Priority Support project,
 * replayed under its saved policy and under one whose L1 goal is halved (60 → 30 minutes).
 * The first run goes through bin/sla-clock.js as a child process (what `npx sla-clock` runs); the
 * failure cases call the same main() in-process, which is much cheaper.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { main } from '../../src/cli/main';
import { fetchIssues } from '../../src/cli/backtest/fetch';
import { siteFromEnv, type Site } from '../../src/cli/backtest/site';
import { BASE_FIELDS } from '../../src/jira/mapHistory';

let running: RunningEmulator;
let dir: string;
const file = (name: string) => join(dir, name);

interface Run { code: number; stdout: string; stderr: string }

function env(over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, JIRA_SITE_URL: running.url, JIRA_EMAIL: 'alex@example.com', JIRA_API_TOKEN: 'any-token', ...over };
}

function bin(args: string[], e: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/sla-clock.js', ...args], { env: e, cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function inProcess(args: string[], e: NodeJS.ProcessEnv = env()): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, env: e, now: Date.now });
  return { code, stdout, stderr };
}

async function savedPolicy(): Promise<{ name: string; metrics: Array<{ goals: Array<{ id: string; target: unknown }> }> }> {
  const res = await fetch(`${running.url}/control/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey: 'sla-settings', projectKey: 'SUP', functionKey: 'settings.getConfig', payload: {} }),
  });
  return ((await res.json()) as { data: { config: { policy: never } } }).data.config.policy;
}

beforeAll(async () => {
  running = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: true });
  dir = mkdtempSync(join(tmpdir(), 'sla-backtest-'));
  const current = await savedPolicy();
  writeFileSync(file('current.json'), JSON.stringify(current));
  const proposed = structuredClone(current);
  proposed.name = 'L1 in 30 minutes';
  const l1 = proposed.metrics[0]?.goals.find((g) => g.id === 'l1');
  if (l1) l1.target = { kind: 'minutes', minutes: 30 };
  writeFileSync(file('proposed.json'), JSON.stringify(proposed));
  const invalid = structuredClone(current);
  if (invalid.metrics[0]?.goals[0]) invalid.metrics[0].goals[0].target = { kind: 'minutes', minutes: -5 };
  writeFileSync(file('invalid.json'), JSON.stringify(invalid));
}, 60_000);

afterAll(async () => {
  await running.close();
});

interface Report {
  project: string;
  policies: { current: string; proposed: string };
  rows: Array<{ metricKey: string; goalId: string; current: { met: number; breached: number }; proposed: { met: number; breached: number } }>;
  changed: Array<{ issueKey: string; metricKey: string; current: { outcome: string; dueAt: number }; proposed: { outcome: string; dueAt: number } }>;
  totals: { issues: number; metToBreached: number; breachedToMet: number };
}

describe('sla-clock backtest against the emulator', () => {
  let first: Run;

  beforeAll(async () => {
    first = await bin(['backtest', '--project', 'SUP', '--current', 'site', '--proposed', file('proposed.json'), '--export', file('export.json'),
      '--json', '--csv', file('report.csv'), '--cache-dir', file('cache')], env());
  }, 60_000);

  it('fetches the project and compares the saved policy with the proposed one, as JSON', () => {
    expect(first.stderr).not.toMatch(/CLI_/);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as Report;
    expect(report.project).toBe('SUP');
    expect(report.policies.proposed).toBe('L1 in 30 minutes');
    expect(report.totals.issues).toBe(10);
    const l1 = report.rows.filter((r) => r.goalId === 'l1');
    expect(l1.reduce((n, r) => n + r.current.met - r.proposed.met, 0)).toBeGreaterThan(0);
  });

  it('lists the issue answered after exactly 30 minutes as met → breached, its due instant 30 minutes earlier', () => {
    const report = JSON.parse(first.stdout) as Report;
    const flipped = report.changed.filter((c) => c.current.outcome === 'met' && c.proposed.outcome === 'breached');
    expect(flipped.length).toBe(report.totals.metToBreached);
    expect(flipped.length).toBeGreaterThan(0);
    for (const c of flipped) expect(c.current.dueAt - c.proposed.dueAt).toBe(30 * 60_000);
  });

  it('shows a progress bar with an ETA on stderr while fetching', () => {
    expect(first.stderr).toMatch(/Fetching issues \[#+\] 10\/10 100% ETA/);
  });

  it('writes the comparison and the changed outcomes as CSV with CRLF line ends', () => {
    const csv = readFileSync(file('report.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFmonth,metric,goal,current_met,')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
    expect(readFileSync(file('report.changed.csv'), 'utf8')).toMatch(/^\uFEFFissue,metric,cycle,current_outcome/);
  });

  it('gives identical output when rerun from the export, with no site configured', async () => {
    const rerun = await inProcess(['backtest', '--from-export', file('export.json'), '--current', 'site', '--proposed', file('proposed.json'), '--json'], { PATH: process.env.PATH });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toBe(first.stdout);
  });

  it('reads the current policy from a file as well as from the site', async () => {
    const fromFile = await inProcess(['backtest', '--from-export', file('export.json'), '--current', file('current.json'), '--proposed', file('proposed.json'), '--json'], {});
    expect(fromFile.stdout).toBe(first.stdout);
  });
});

describe('sla-clock backtest refusals', () => {
  it.each([
    ['bad credentials', ['--project', 'SUP', '--current', 'site'], { JIRA_EMAIL: 'nobody@example.com' }, 'CLI_BAD_CREDENTIALS'],
    ['missing credentials', ['--project', 'SUP', '--current', 'site'], { JIRA_API_TOKEN: undefined }, 'CLI_NO_CREDENTIALS'],
    ['an unknown project', ['--project', 'NOPE', '--current', 'site'], {}, 'CLI_UNKNOWN_PROJECT'],
    ['JQL Jira rejects', ['--project', 'SUP', '--jql', 'nosuchfield = 1', '--current', 'site'], {}, 'CLI_BAD_JQL'],
  ])('exits 1 with a coded message on %s', async (_name, args, over, code) => {
    const run = await inProcess(['backtest', ...args, '--cache-dir', file('cache'), '--quiet'], env(over));
    expect([run.code, run.stderr.split(':')[1]?.trim()]).toEqual([1, code]);
  });

  it('exits 1 with CLI_INVALID_POLICY and the settings page\'s codes and paths for an invalid policy', async () => {
    const run = await inProcess(['backtest', '--project', 'SUP', '--current', 'site', '--proposed', file('invalid.json'), '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CLI_INVALID_POLICY');
    expect(run.stderr).toContain('POL_BAD_TARGET at metrics[0].goals[0].target.minutes');
  });

  it('exits 1 with CLI_BAD_EXPORT for a file that is not JSON or not an export', async () => {
    writeFileSync(file('broken.json'), '{"format": "sla-clock-backtest-export", "version": 1, "issues": [');
    writeFileSync(file('other.json'), JSON.stringify({ format: 'something-else' }));
    for (const name of ['broken.json', 'other.json', 'missing.json']) {
      const run = await inProcess(['backtest', '--from-export', file(name), '--current', file('current.json')], {});
      expect([name, run.code, run.stderr.split(':')[1]?.trim()]).toEqual([name, 1, 'CLI_BAD_EXPORT']);
    }
  });

  it('exits 2 and refuses credentials given on the command line', async () => {
    const run = await inProcess(['backtest', '--project', 'SUP', '--current', 'site', '--api-token', 'secret']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('never read from the command line');
  });
});

describe('sla-clock backtest fetching', () => {
  const silent = { update: () => undefined, finish: () => undefined };

  /** The env's site, with a count of search pages requested and an optional outage on one of them. */
  function site(failOnSearch: number | null): { site: Site; searches: () => number } {
    const made = siteFromEnv(env());
    if (!made.ok) throw new Error('no site');
    let searches = 0;
    const searchIssueBundles: Site['jira']['searchIssueBundles'] = (...args) => {
      searches += 1;
      if (searches === failOnSearch) return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', status: 503, message: 'cut' } });
      return made.value.jira.searchIssueBundles(...args);
    };
    return { site: { ...made.value, jira: { ...made.value.jira, searchIssueBundles } }, searches: () => searches };
  }

  it('resumes an interrupted fetch from the on-disk cache, asking only for the pages still missing', async () => {
    const input = { jql: 'project = SUP ORDER BY id ASC', fieldIds: BASE_FIELDS, cacheDir: file('resume'), now: () => 0, pageSize: 4 };
    const cut = site(2);
    expect((await fetchIssues(cut.site, input, silent)).ok).toBe(false);
    const again = site(null);
    const resumed = await fetchIssues(again.site, { ...input, now: () => 1 }, silent);
    if (!resumed.ok) throw new Error(resumed.error.render());
    expect(again.searches()).toBe(2);
    expect(resumed.value.fetchedAt).toBe(new Date(0).toISOString());
    const keys = resumed.value.bundles.map((b) => b.key);
    expect([keys.length, new Set(keys).size]).toEqual([10, 10]);
  });
});
