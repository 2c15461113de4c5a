/**
 * `npm run sim [-- --issues N] [--no-naive] [--day-events N] [--seed N] [--day-start-hour H] [--storage-units N]`: the site-scale simulation (default 100,000 issues),
 * one JSON line per phase on stdout.
 */
import { join } from 'node:path';
import { runSim } from './run';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

const given = (name: string): number | undefined => (process.argv.includes(`--${name}`) ? option(name, 0) || undefined : undefined);

runSim({ issues: option('issues', 100_000), root: join(__dirname, '..', '..'), naive: !process.argv.includes('--no-naive'), dayEvents: given('day-events'), seed: given('seed'), dayStartHour: given('day-start-hour'), storageUnitsPerMinute: given('storage-units') }, (l) => process.stdout.write(`${JSON.stringify(l)}\n`))
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
