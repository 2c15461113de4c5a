/**
 * `npm run bench`: prints one JSON line per measurement. Runs the calendar benchmarks and, when
 * present, the evaluation (bench/evaluate.ts), coverage (bench/coverage.ts) and report (bench/report.ts)
 * benchmarks, in one process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run as runCalendar } from './calendar';

type Bench = { run(print: (line: object) => void): Promise<void> };

const print = (line: object): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

async function optional(name: string): Promise<Bench | null> {
  const exists = ['.ts', '.js'].some((ext) => fs.existsSync(path.join(__dirname, `${name}${ext}`)));
  return exists ? ((await import(`./${name}`)) as Bench) : null;
}

async function main(): Promise<void> {
  await runCalendar(print);
  const evaluate = await optional('evaluate');
  if (evaluate) await evaluate.run(print);
  const coverage = await optional('coverage');
  if (coverage) await coverage.run(print);
  const report = await optional('report');
  if (report) await report.run(print);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
