import { BACKTEST_USAGE, parseBacktestArgs } from '../../../src/cli/backtest/args';

const refusal = (argv: string[]) => {
  const res = parseBacktestArgs(argv);
  return res.ok ? null : { code: res.error.code, message: res.error.message };
};

describe('the backtest command line', () => {
  it('fills every default when only the project and the current policy are given', () => {
    expect(parseBacktestArgs(['--project', 'SUP', '--current', 'site'])).toEqual({
      ok: true,
      value: {
        project: 'SUP', jql: null, current: 'site', proposed: null, fromExport: null, exportTo: null, json: false, csv: null,
        timeZone: 'UTC', now: null, cacheDir: '.sla-clock-cache', quiet: false,
      },
    });
  });

  it('reads values given with = or as the next word, and flags without a value', () => {
    const res = parseBacktestArgs(['--project=SUP', '--current', 'a.json', '--jql=resolved >= -90d', '--tz', 'Europe/Madrid', '--json', '--quiet']);
    expect(res).toMatchObject({ ok: true, value: { project: 'SUP', current: 'a.json', jql: 'resolved >= -90d', timeZone: 'Europe/Madrid', json: true, quiet: true } });
  });

  it('needs a current policy, and a project unless it reads an export', () => {
    expect(refusal(['--project', 'SUP'])?.message).toMatch(/--current/);
    expect(refusal(['--current', 'site'])?.message).toMatch(/--project KEY/);
    expect(parseBacktestArgs(['--from-export', 'x.json', '--current', 'a.json']).ok).toBe(true);
  });

  it('refuses an option without its value, an unknown option, and export together with from-export', () => {
    expect(refusal(['--current'])).toEqual({ code: 'CLI_USAGE', message: '--current needs a value.' });
    expect(refusal(['--project=', '--current', 'site'])).toEqual({ code: 'CLI_USAGE', message: '--project needs a value.' });
    expect(refusal(['--colour', 'red'])).toEqual({ code: 'CLI_USAGE', message: 'Unknown option --colour.' });
    expect(refusal(['--from-export', 'x.json', '--export', 'y.json', '--current', 'site'])?.message).toMatch(/nothing is fetched/);
  });

  it('refuses credentials on the command line without echoing them', () => {
    const res = parseBacktestArgs(['--api-token=hunter2', '--current', 'site']);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.message).toContain('JIRA_API_TOKEN');
      expect(res.error.render()).not.toContain('hunter2');
    }
  });

  it('shows the usage with the refusals that are about the command line as a whole', () => {
    const res = parseBacktestArgs(['--colour', 'red']);
    expect(!res.ok && res.error.details).toEqual([BACKTEST_USAGE]);
  });
});
