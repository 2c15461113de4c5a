import { failure, jiraFailure, refuse } from '../../src/app/answer';
import type { JiraError, JiraErrorCode } from '../../src/jira/http';

const jiraError = (code: JiraErrorCode, message = 'Issue SECRET-7 does not exist'): JiraError => ({ code, status: 400, message });

describe('the answer of a use-case to a resolver', () => {
  it('carries details only when there are some', () => {
    expect(failure('BAD_REQUEST', 'No.')).toEqual({ code: 'BAD_REQUEST', message: 'No.' });
    expect('details' in failure('BAD_REQUEST', 'No.')).toBe(false);
    const details = [{ path: 'days', code: 'TOO_MANY', message: 'At most 90.' }];
    expect(failure('VALIDATION_FAILED', 'Check the form.', details)).toEqual({ code: 'VALIDATION_FAILED', message: 'Check the form.', details });
  });

  it('refuses with a failed Result holding the failure', () => {
    expect(refuse('FORBIDDEN', 'Only project admins.')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Only project admins.' } });
  });

  it('maps each Jira failure to its stable code', () => {
    expect(jiraFailure(jiraError('NOT_FOUND')).code).toBe('NOT_FOUND');
    expect(jiraFailure(jiraError('RATE_LIMITED')).code).toBe('RATE_LIMITED');
    expect(jiraFailure(jiraError('FORBIDDEN')).code).toBe('FORBIDDEN');
    for (const code of ['UNAVAILABLE', 'REJECTED', 'BAD_RESPONSE'] as const) {
      expect(jiraFailure(jiraError(code))).toEqual({ code: 'JIRA_UNAVAILABLE', message: `Jira could not answer (${code}).` });
    }
  });

  it("never passes Jira's own text on, which may name what the caller cannot see", () => {
    const codes: JiraErrorCode[] = ['NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED', 'UNAVAILABLE', 'REJECTED', 'BAD_RESPONSE'];
    for (const code of codes) expect(jiraFailure(jiraError(code)).message).not.toContain('SECRET-7');
  });
});
