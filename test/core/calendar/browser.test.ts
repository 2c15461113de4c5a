import * as fs from 'fs';
import * as path from 'path';
import { compileCalendar as compileInBrowser } from '../../../src/core/calendar/browser';
import { weeklySpec } from './builders';

describe('compiling a calendar in the browser', () => {
  it('refuses holiday sources in the browser build, which carries no holiday rule data', () => {
    const result = compileInBrowser(weeklySpec({ holidays: { sources: [{ country: 'DE' }] } }));
    expect(result.ok ? [] : result.error.map((e) => e.code)).toEqual(['CAL_UNKNOWN_HOLIDAY_REGION']);
  });
});

describe('the browser entry point', () => {
  it('never imports date-holidays, directly or through its imports', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      expect(source).not.toMatch(/from 'date-holidays'|require\('date-holidays'\)/);
      for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
        const base = path.resolve(path.dirname(file), spec as string);
        visit(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
      }
    };
    visit(path.resolve(__dirname, '../../../src/core/calendar/browser.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});
