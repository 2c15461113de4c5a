/**
 * Expected CLI failures: a stable code, a message for people, optional detail lines (e.g. one per
 * policy problem with the settings page's own code), and the process exit status.
 */
import type { Result } from '../core';

export type CliErrorCode =
  | 'CLI_USAGE'
  | 'CLI_NO_CREDENTIALS'
  | 'CLI_BAD_CREDENTIALS'
  | 'CLI_UNKNOWN_PROJECT'
  | 'CLI_BAD_JQL'
  | 'CLI_SITE_UNAVAILABLE'
  | 'CLI_NO_SITE_POLICY'
  | 'CLI_POLICY_UNREADABLE'
  | 'CLI_INVALID_POLICY'
  | 'CLI_BAD_EXPORT'
  | 'CLI_WRITE_FAILED';

export class CliFailure {
  constructor(
    readonly code: CliErrorCode,
    readonly message: string,
    readonly details: string[] = [],
  ) {}

  /** 2 for a command line that cannot be run, 1 for everything else. */
  get exitCode(): number {
    return this.code === 'CLI_USAGE' ? 2 : 1;
  }

  render(): string {
    return [`sla-clock: ${this.code}: ${this.message}`, ...this.details.map((d) => `  ${d}`)].join('\n');
  }
}

/** The code base's one Result, failing with a CliFailure. */
export type CliResult<T> = Result<T, CliFailure>;

export const failure = (code: CliErrorCode, message: string, details: string[] = []): { ok: false; error: CliFailure } => ({
  ok: false, error: new CliFailure(code, message, details),
});
