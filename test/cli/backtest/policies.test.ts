import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, readPolicyFile } from '../../../src/cli/backtest/policies';
import { testPolicy } from '../../fakes/world';

const dir = mkdtempSync(join(tmpdir(), 'sla-clock-policies-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('policy files of the backtest', () => {
  it('reads a bare policy and the policy inside a saved project configuration alike', () => {
    const policy = testPolicy();
    expect(readPolicyFile(file('bare.json', JSON.stringify(policy)))).toEqual({ ok: true, value: policy });
    expect(readPolicyFile(file('saved.json', JSON.stringify({ version: 3, policy })))).toEqual({ ok: true, value: policy });
  });

  it('refuses a file that is missing or not JSON with CLI_POLICY_UNREADABLE', () => {
    expect(readPolicyFile(join(dir, 'missing.json'))).toMatchObject({ ok: false, error: { code: 'CLI_POLICY_UNREADABLE' } });
    expect(readPolicyFile(file('broken.json', '{ nope'))).toMatchObject({ ok: false, error: { code: 'CLI_POLICY_UNREADABLE' } });
  });

  it('compiles a valid policy exactly as the settings page does', () => {
    const res = compilePolicy(testPolicy(), 'current');
    expect(res.ok && res.value.spec.name).toBe(testPolicy().name);
  });

  it("lists every problem with the settings page's code and path, the root named as such", () => {
    const res = compilePolicy({ ...testPolicy(), metrics: 'x' }, 'proposed');
    expect(res).toMatchObject({ ok: false, error: { code: 'CLI_INVALID_POLICY', message: expect.stringContaining('The proposed policy has 1 problem(s)') } });
    expect(!res.ok && res.error.details).toEqual([expect.stringMatching(/^POL_MALFORMED at metrics: /)]);
    const root = compilePolicy('x', 'current');
    expect(!root.ok && root.error.details).toEqual([expect.stringMatching(/^POL_MALFORMED at \(root\): /)]);
  });
});
