/**
 * Finds the JQL examples in the docs, so each one can be run against the emulator's search.
 *
 * The rule the docs follow:
 * - a fenced block marked `jql` holds runnable examples, one query per line; a line that starts
 *   with whitespace, `AND`, `OR`, `ORDER BY` or `)` continues the previous query, and a trailing
 *   `-- note` is commentary (Jira has no JQL comments), dropped before running;
 * - an inline code span is JQL when it starts with a searchable field (an `sla…` alias,
 *   `issue.property[…]`, or one of the Jira fields below) followed by an operator, unless it
 *   elides part of the query with `…` (then it describes a query's shape and is not run);
 * - `<placeholder>` stands for a value the reader fills in; the test fills in a sample for each
 *   known placeholder, and an unknown one fails the test so it gets a sample.
 * A fenced block with no language that looks like JQL is reported so it gets marked `jql`.
 */
export interface JqlExample { doc: string; jql: string }

const FIELDS = ['sla[A-Z][A-Za-z]*', 'issue\\.property\\[[^\\]]+\\][\\w.]*', 'project', 'created', 'updated', 'resolved', 'resolution', 'status', 'statusCategory', 'priority'];
const OPERATOR = String.raw`(?:=|!=|<=|>=|<|>|~|!~|\s+(?:in|not in|is|is not|was)\s)`;
const LOOKS_LIKE_JQL = new RegExp(`^\\s*(?:${FIELDS.join('|')})\\s*${OPERATOR}`, 'i');
const CONTINUES = /^(?:\s|AND\b|OR\b|ORDER BY\b|\))/i;

/** The sample filled in for each placeholder the docs use. */
export const PLACEHOLDER_SAMPLES: Record<string, string> = {
  id: 'SUP', metric: 'resolution', N: '4', 'config version': '1', 'key epoch': '1', epoch: '1',
  'minutes since the previous round + 10': '15', date: '2026-01-01',
};

export function looksLikeJql(text: string): boolean {
  return LOOKS_LIKE_JQL.test(text);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function fencedQueries(body: string): string[] {
  const queries: string[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\s--\s.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    if (CONTINUES.test(line) && queries.length > 0) queries[queries.length - 1] += ` ${line.trim()}`;
    else queries.push(line.trim());
  }
  return queries.map(squash);
}

interface Fence { lang: string; body: string }

/** The fenced blocks of a markdown text and the prose between them. */
function split(text: string): { fences: Fence[]; prose: string } {
  const fences: Fence[] = [];
  let prose = '';
  let open: Fence | null = null;
  for (const line of text.split('\n')) {
    const fence = /^\s*```\s*(\w*)/.exec(line);
    if (fence && !open) open = { lang: fence[1] ?? '', body: '' };
    else if (fence && open) { fences.push(open); open = null; }
    else if (open) open.body += `${line}\n`;
    else prose += `${line}\n`;
  }
  return { fences, prose };
}

/** The runnable examples of one markdown text. */
export function jqlExamples(doc: string, text: string): JqlExample[] {
  const { fences, prose } = split(text);
  const out = fences.filter((f) => f.lang === 'jql').flatMap((f) => fencedQueries(f.body).map((jql) => ({ doc, jql })));
  for (const paragraph of prose.split(/\n\s*\n/)) {
    for (const m of paragraph.matchAll(/`([^`]+)`/g)) {
      const span = squash(m[1] ?? '');
      if (looksLikeJql(span) && !span.includes('…')) out.push({ doc, jql: span });
    }
  }
  return out;
}

/** Unmarked fenced blocks whose first line reads as JQL: they should be marked `jql`. */
export function unmarkedJqlBlocks(doc: string, text: string): string[] {
  return split(text).fences
    .filter((f) => f.lang === '' && looksLikeJql(f.body.split('\n')[0] ?? ''))
    .map((f) => `${doc}: ${f.body.split('\n')[0] ?? ''}`);
}

/** The query with every `<placeholder>` replaced by its sample; unknown names are returned. */
export function fillPlaceholders(jql: string): { jql: string; unknown: string[] } {
  const unknown: string[] = [];
  const filled = jql.replace(/<([A-Za-z][^<>=]*)>/g, (whole, name: string) => {
    const sample = PLACEHOLDER_SAMPLES[name.trim()];
    if (sample === undefined) unknown.push(whole);
    return sample ?? whole;
  });
  return { jql: filled, unknown };
}
