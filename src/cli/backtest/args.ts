/** The `backtest` command line, parsed into options or a CLI_USAGE failure that says what is wrong. */
import { failure, type CliResult } from '../errors';

export interface BacktestArgs {
  project: string | null;
  /** Extra JQL, ANDed with the project. */
  jql: string | null;
  /** A policy file, or 'site': the project's saved policy read from the site (emulator control API). */
  current: string;
  proposed: string | null;
  fromExport: string | null;
  exportTo: string | null;
  json: boolean;
  csv: string | null;
  timeZone: string;
  /** Evaluation instant override; by default the instant the data was fetched. */
  now: string | null;
  cacheDir: string;
  quiet: boolean;
}

export const BACKTEST_USAGE = `Usage: sla-clock backtest --project KEY [--jql "resolved >= -90d"] --current FILE|site [--proposed FILE]
                          [--export FILE | --from-export FILE] [--json] [--csv FILE] [--tz ZONE] [--now ISO]
                          [--cache-dir DIR] [--quiet]
Reads the site from JIRA_SITE_URL, JIRA_EMAIL and JIRA_API_TOKEN (never from the command line).`;

const VALUED = new Set(['--project', '--jql', '--current', '--proposed', '--from-export', '--export', '--csv', '--tz', '--now', '--cache-dir']);
const FLAGS = new Set(['--json', '--quiet']);

function collect(argv: readonly string[]): CliResult<Map<string, string>> {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const [name, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    if (FLAGS.has(name)) seen.set(name, 'true');
    else if (VALUED.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return failure('CLI_USAGE', `${name} needs a value.`, [BACKTEST_USAGE]);
      seen.set(name, value);
    } else if (/token|password|secret/i.test(name)) {
      return failure('CLI_USAGE', `Credentials are never read from the command line (${name}); set JIRA_API_TOKEN instead.`);
    } else return failure('CLI_USAGE', `Unknown option ${name}.`, [BACKTEST_USAGE]);
  }
  return { ok: true, value: seen };
}

export function parseBacktestArgs(argv: readonly string[]): CliResult<BacktestArgs> {
  const collected = collect(argv);
  if (!collected.ok) return collected;
  const a = collected.value;
  const fromExport = a.get('--from-export') ?? null;
  if (!a.has('--current')) return failure('CLI_USAGE', 'Give the current policy: --current FILE, or --current site.', [BACKTEST_USAGE]);
  if (fromExport === null && !a.has('--project')) return failure('CLI_USAGE', 'Give --project KEY (or --from-export FILE).', [BACKTEST_USAGE]);
  if (fromExport !== null && a.has('--export')) return failure('CLI_USAGE', '--export writes fetched data; with --from-export nothing is fetched.');
  return {
    ok: true,
    value: {
      project: a.get('--project') ?? null, jql: a.get('--jql') ?? null, current: a.get('--current') ?? '', proposed: a.get('--proposed') ?? null,
      fromExport, exportTo: a.get('--export') ?? null, json: a.has('--json'), csv: a.get('--csv') ?? null, timeZone: a.get('--tz') ?? 'UTC',
      now: a.get('--now') ?? null, cacheDir: a.get('--cache-dir') ?? '.sla-clock-cache', quiet: a.has('--quiet'),
    },
  };
}
