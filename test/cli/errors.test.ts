import { CliFailure, failure } from '../../src/cli/errors';

describe('expected CLI failures', () => {
  it('exit 2 for a command line that cannot be run and 1 for everything else', () => {
    expect(new CliFailure('CLI_USAGE', 'x').exitCode).toBe(2);
    expect(new CliFailure('CLI_BAD_EXPORT', 'x').exitCode).toBe(1);
    expect(new CliFailure('CLI_INVALID_POLICY', 'x').exitCode).toBe(1);
  });

  it('render as one line with the stable code, then one indented line per detail', () => {
    const f = new CliFailure('CLI_INVALID_POLICY', 'The policy is invalid.', ['POL_BAD_TARGET at metrics[0]', 'CAL_BAD_TIME at calendars[0]']);
    expect(f.render()).toBe('sla-clock: CLI_INVALID_POLICY: The policy is invalid.\n  POL_BAD_TARGET at metrics[0]\n  CAL_BAD_TIME at calendars[0]');
    expect(new CliFailure('CLI_WRITE_FAILED', 'Disk full.').render()).toBe('sla-clock: CLI_WRITE_FAILED: Disk full.');
  });

  it('are failed Results holding the failure', () => {
    const res = failure('CLI_BAD_JQL', 'Bad JQL.', ['near "ORDER"']);
    expect(res.ok).toBe(false);
    expect(res.error).toBeInstanceOf(CliFailure);
    expect(res.error.details).toEqual(['near "ORDER"']);
  });
});
