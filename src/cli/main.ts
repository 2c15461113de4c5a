/**
 * The `sla-clock` command line (bin/sla-clock.js runs this file through tsx). Expected failures print
 * one coded line (and details) on stderr and exit non-zero; only bugs throw.
 */
import { isKnownZone } from '../core';
import { BACKTEST_USAGE, parseBacktestArgs } from './backtest/args';
import { runBacktest, type Io } from './backtest/run';
import { CliFailure } from './errors';

const USAGE = `sla-clock <command>

Commands:
  backtest   replay a project's history under the current and a proposed SLA policy

${BACKTEST_USAGE}`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'backtest') return report(io, new CliFailure('CLI_USAGE', `Unknown command "${command}".`, [USAGE]));
  const args = parseBacktestArgs(rest);
  if (!args.ok) return report(io, args.error);
  if (!isKnownZone(args.value.timeZone)) return report(io, new CliFailure('CLI_USAGE', `--tz ${args.value.timeZone} is not an IANA time zone.`));
  const result = await runBacktest(args.value, io);
  return result.ok ? 0 : report(io, result.error);
}

function report(io: Io, error: CliFailure): number {
  io.stderr(`${error.render()}\n`);
  return error.exitCode;
}

