/**
 * Golden SLA scenarios: each file in scenarios/ holds a history, a policy and `now`, and the expected
 * snapshot. Run with UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@core';
import { renderSnapshot, scenarioSchema, toHistory, toPolicy } from './scenario';

const DIR = join(__dirname, 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const updating = process.env['UPDATE_GOLDEN'] === '1';

describe('golden SLA scenarios', () => {
  it('has scenarios to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('%s evaluates to its stored snapshot', (file) => {
    const path = join(DIR, file);
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const scenario = scenarioSchema.parse(raw);
    const actual = renderSnapshot(evaluate(toHistory(scenario), toPolicy(scenario), Date.parse(scenario.now)));
    if (updating) {
      writeFileSync(path, `${JSON.stringify({ ...(raw as object), expected: actual }, null, 2)}\n`);
      return;
    }
    if (scenario.expected === undefined) throw new Error(`${file} has no expected snapshot: run with UPDATE_GOLDEN=1 and review it`);
    expect(actual).toEqual(scenario.expected);
  });
});
