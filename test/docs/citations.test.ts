import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkCitation, citationsIn, filesUnder, indexTests, titlesIn } from './citations';

const root = resolve(__dirname, '..', '..');
// moved-tests.md describes the citation format itself, so it is not scanned.
const docs = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), (n) => n.endsWith('.md') && n !== 'moved-tests.md')];
const tests = filesUnder(join(root, 'test'), (n) => /\.(test|e2e)\.tsx?$/.test(n) || /\.tsx?$/.test(n));

describe('test citations in the docs', () => {
  const index = indexTests(tests.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  const cited = docs.flatMap((f) => citationsIn(relative(root, f), readFileSync(f, 'utf8')));

  it('finds the citations the docs make', () => {
    expect(cited.length).toBeGreaterThan(100);
  });

  it('names only tests that exist', () => {
    expect(cited.map((c) => checkCitation(c, index)).filter((why) => why !== null)).toEqual([]);
  });
});

describe('reading citations', () => {
  const index = indexTests([{ file: 'x.test.ts', text: "describe('clock', () => { it('counts a minute', () => {}); it.each([1])('keeps %s hours', () => {}); });" }]);

  it('reads bracketed titles, file › title paths and semicolon lists', () => {
    const text = 'A [clock: *counts a minute*, *keeps 3 hours*] and *x › clock › counts a minute; keeps 4 hours.* but not *emphasis* (test: x.test.ts › clock › keeps (about) 5 hours).';
    expect(citationsIn('d.md', text).map((c) => c.text)).toEqual(['counts a minute', 'keeps 3 hours', 'x › clock › counts a minute', 'keeps 4 hours', 'x.test.ts › clock › keeps (about) 5 hours']);
  });

  it('re-joins a title that itself contains a semicolon', () => {
    const idx = indexTests([{ file: 'y.test.ts', text: "it('stops the clock; nothing is lost', f)" }]);
    const [first, second] = citationsIn('d.md', '[y: *stops the clock; nothing is lost*]');
    expect(first && checkCitation(first, idx)).toBeNull();
    expect(second && checkCitation(second, idx)).toBeNull();
    expect(checkCitation({ doc: 'd.md', text: 'nothing is found' }, idx)).not.toBeNull();
  });

  it('accepts existing titles, placeholders and a prefix ending in an ellipsis', () => {
    for (const text of ['counts a minute', 'keeps 12 hours', 'counts a…', '…a minute', 'x › clock › counts a minute']) {
      expect(checkCitation({ doc: 'd.md', text }, index)).toBeNull();
    }
  });

  it('refuses a title that no test declares', () => {
    expect(checkCitation({ doc: 'd.md', text: 'counts an hour' }, index)).toBe('d.md: no test is named "counts an hour"');
    expect(checkCitation({ doc: 'd.md', text: 'counts…hour' }, index)).not.toBeNull();
  });

  it('reads titles written with quotes, backticks and escapes', () => {
    expect(titlesIn("it('don\\'t stop', f); test(`runs ${n} times`, f); describe(\"a › b\", f)")).toEqual(["don't stop", 'runs ${n} times', 'a › b']);
  });
});
