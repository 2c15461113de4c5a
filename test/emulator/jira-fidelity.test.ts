/**
 * The emulated Jira answers in Jira's published shapes: jira.js 6.x validates each response
 * against zod schemas generated from Atlassian's OpenAPI and reports every mismatch.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface ProbeOutput { calls: number; failures: string[]; mismatches: Array<{ endpoint: string; issues: unknown[] }> }

function runProbe(): ProbeOutput {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [join(__dirname, 'fidelity', 'jira-js-check.ts')], { encoding: 'utf8', timeout: 60_000 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as ProbeOutput;
  } catch {
    throw new Error(`probe printed no report: ${r.stdout}\n${r.stderr}`);
  }
}

describe('Jira response fidelity', () => {
  it('answers every endpoint the app uses without a schema mismatch reported by jira.js', () => {
    const out = runProbe();
    expect(out.failures).toEqual([]);
    expect(out.mismatches).toEqual([]);
    expect(out.calls).toBeGreaterThanOrEqual(15);
  }, 90_000);
});
