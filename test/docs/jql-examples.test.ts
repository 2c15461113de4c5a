/**
 * Every JQL example in README.md and docs/ runs against the emulator's search and is accepted,
 * so a reader who copies one never meets a 400. The extraction rule is in ./jqlExamples.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Emulator } from '../../emulator/app';
import { uninstallClock } from '../../emulator/clock';
import { uninstallForgeGlobals } from '../../emulator/forge/globals';
import { USERS } from '../../emulator/jira/catalog';
import { filesUnder } from './citations';
import { fillPlaceholders, jqlExamples, unmarkedJqlBlocks, type JqlExample } from './jqlExamples';

const root = resolve(__dirname, '..', '..');
const docs = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), (n) => n.endsWith('.md'))];
const read = (file: string): { doc: string; text: string } => ({ doc: relative(root, file), text: readFileSync(file, 'utf8') });

afterEach(() => {
  uninstallClock();
  uninstallForgeGlobals();
});

/** The emulator with the app's real manifest, so every alias it indexes is searchable. */
function emulator(): Emulator {
  const emu = new Emulator({ root, base: 'http://jira.test', stateDir: null, loadFunction: () => () => undefined });
  emu.site.addProject({ key: 'SUP', name: 'Support', projectTypeKey: 'service_desk', leadAccountId: USERS.admin, admins: [] });
  return emu;
}

function run(emu: Emulator, jql: string): { status: number; errors: unknown } {
  const res = emu.jira({ method: 'POST', path: '/rest/api/3/search/jql', query: new URLSearchParams(), body: { jql, fields: ['key'] }, accountId: USERS.admin });
  const body = res.body as { errorMessages?: unknown } | null;
  return { status: res.status, errors: body?.errorMessages ?? null };
}

describe('JQL examples in the docs', () => {
  const examples: JqlExample[] = docs.map(read).flatMap(({ doc, text }) => jqlExamples(doc, text));

  it('reads jql blocks line by line, joins continuation lines and drops -- notes', () => {
    const text = '```jql\na = 1   -- note\nproject = X AND (\n  b = 2)\nORDER BY key\n```';
    expect(jqlExamples('d', text).map((e) => e.jql)).toEqual(['a = 1', 'project = X AND ( b = 2) ORDER BY key']);
  });

  it('reads an inline code span as JQL only when a searchable field and an operator open it', () => {
    const text = 'Use `slaNextDue <= "+2h"` or `created >= -1d`, not `slaNextDue`, `npm start` or `slaGen = 1 OR …`.';
    expect(jqlExamples('d', text).map((e) => e.jql)).toEqual(['slaNextDue <= "+2h"', 'created >= -1d']);
  });

  it('fills in known placeholders and names unknown ones', () => {
    expect(fillPlaceholders('project = <id> AND slaNextDue < now() AND x >= 1')).toEqual({ jql: 'project = SUP AND slaNextDue < now() AND x >= 1', unknown: [] });
    expect(fillPlaceholders('slaGen != <nonsense>').unknown).toEqual(['<nonsense>']);
  });

  it('finds the examples of the JQL reference and the README', () => {
    const where = new Set(examples.map((e) => e.doc));
    expect(where).toContain('README.md');
    expect(where).toContain(join('docs', 'reference', 'jql.md'));
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it('marks every fenced JQL example as a jql block', () => {
    expect(docs.map(read).flatMap(({ doc, text }) => unmarkedJqlBlocks(doc, text))).toEqual([]);
  });

  it('runs every example against the emulator search with 200 and no JQL error', () => {
    const emu = emulator();
    const failures = examples.flatMap(({ doc, jql }) => {
      const filled = fillPlaceholders(jql);
      if (filled.unknown.length > 0) return [`${doc}: ${jql} -> no sample for ${filled.unknown.join(', ')}`];
      const res = run(emu, filled.jql);
      return res.status === 200 ? [] : [`${doc}: ${jql} -> ${res.status} ${JSON.stringify(res.errors)}`];
    });
    expect(failures).toEqual([]);
  });
});
