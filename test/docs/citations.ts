/**
 * Reads the test names the docs cite and the test titles the suite declares, so the docs cannot
 * keep citing a test that was renamed or removed. Citations are italic spans (`*…*`) that either
 * sit inside a bracket (`[file › *title*, *title*]`) or carry a `file › title` path themselves.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Citation {
  doc: string;
  text: string;
  /** The next part of the same span, for titles that themselves contain "; ". */
  next?: string;
}

/** Whitespace runs and typographic apostrophes read as one space and a plain apostrophe. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").trim();

/** Every file under `dir` (recursively) whose name passes `keep`. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'build') return [];
    if (statSync(full).isDirectory()) return filesUnder(full, keep);
    return keep(name) ? [full] : [];
  });
}

function italicSpans(text: string): Array<{ span: string; at: number }> {
  const out: Array<{ span: string; at: number }> = [];
  for (const m of text.matchAll(/(?<![*\w`])\*(?![\s*])([^*]+?)\*(?![*\w])/g)) out.push({ span: m[1] ?? '', at: m.index ?? 0 });
  return out;
}

/** Whether `at` sits inside a `[…]` of the same paragraph. */
function insideBracket(text: string, at: number): boolean {
  const paragraph = Math.max(0, text.lastIndexOf('\n\n', at));
  const open = text.lastIndexOf('[', at);
  if (open < paragraph) return false;
  const close = text.lastIndexOf(']', at);
  const end = text.indexOf(']', at);
  return close < open && end >= 0 && !text.slice(at, end).includes('\n\n');
}

/** `(test: a › b)` spans, parentheses inside titles balanced. */
function testParens(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf('(test:'); at >= 0; at = text.indexOf('(test:', at + 1)) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        out.push(text.slice(at + 6, i));
        break;
      }
    }
  }
  return out;
}

const unwrap = (s: string): string => {
  const t = s.replace(/^\(?tests?:\s*/, '').replace(/^›\s*/, '').replace(/\s*…\s*/g, '…').replace(/\.$/, '');
  const open = (t.match(/\(/g) ?? []).length;
  const close = (t.match(/\)/g) ?? []).length;
  return close > open && t.endsWith(')') ? t.slice(0, -1) : t;
};

/** The cited test titles of one markdown text, one per cited test. */
export function citationsIn(doc: string, text: string): Citation[] {
  const plain = text.replace(/```[\s\S]*?```/g, (block) => ' '.repeat(block.length));
  const italic = italicSpans(plain)
    .filter(({ span, at }) => span.includes(' › ') || insideBracket(plain, at))
    .map(({ span }) => span)
    .filter((span) => !span.includes('(test:'));
  return [...italic, ...testParens(plain.replace(/\*/g, ''))].flatMap((span) => {
    const parts = squash(span).split(/;\s+/).map((part) => unwrap(part).replace(/\.$/, '').trim());
    return parts.map((text, i) => ({ doc, text, ...(parts[i + 1] ? { next: parts[i + 1] } : {}) })).filter((c) => c.text.length > 0);
  });
}

/** Test titles declared with it/test/describe (string or template literal, `.each` included). */
export function titlesIn(source: string): string[] {
  const re = /\b(?:it|test|describe)(?:\.(?:each\([^)]*\)|only|skip|concurrent))*\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  return [...source.matchAll(re)].map((m) => squash((m[2] ?? '').replace(/\\(['"`\\])/g, '$1')));
}

/** A declared title as a matcher: `%s`-style and `${…}` placeholders match any text. */
function titlePattern(title: string): RegExp {
  const parts = title.split(/%[sdifjop#]|\$\{[^}]*\}|\$[A-Za-z_][\w.]*/);
  const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp(`^${body}$`);
}

export interface TestIndex {
  /** Test file basenames without extension ("semantics" for semantics.test.ts). */
  files: Set<string>;
  matches(title: string): boolean;
  /** Whether some declared title ends with "; <text>" (the second half of a split title). */
  matchesTail(text: string): boolean;
}

export function indexTests(sources: Array<{ file: string; text: string }>): TestIndex {
  const titles = sources.flatMap((s) => titlesIn(s.text));
  const exact = new Set(titles);
  const patterns = titles.filter((t) => /%[sdifjop#]|\$\{|\$[A-Za-z_]/.test(t)).map(titlePattern);
  const placeheld = titles.filter((x) => /%[sdifjop#]|\$\{|\$[A-Za-z_]/.test(x)).map((x) => x.split(/%[sdifjop#]|\$\{|\$[A-Za-z_]/)[0] ?? '');
  const one = (t: string): boolean => {
    // A cited value where the declared title has a placeholder: the text before the placeholder must agree.
    if (t.includes('…') && placeheld.some((head) => head.length > 10 && t.startsWith(head))) return true;
    if (t.includes('…')) {
      const cited = new RegExp(`^${t.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      return titles.some((x) => cited.test(x));
    }
    // A title cited up to its colon ("adds up over consecutive ranges") names the declared one.
    return exact.has(t) || patterns.some((p) => p.test(t)) || titles.some((x) => x.startsWith(`${t}: `));
  };
  const files = new Set(sources.map((s) => (s.file.split('/').pop() ?? '').replace(/\.(test|e2e)\.tsx?$|\.tsx?$/, '')));
  return { files, matches: one, matchesTail: (t) => titles.some((x) => x.endsWith(`; ${t}`)) };
}

/** Why a citation does not name an existing test, or null when it does. */
export function checkCitation(c: Citation, index: TestIndex): string | null {
  // "file › describe › it": the last step is the declared title; "describe › …" cites the describe.
  const steps = c.text.split(/\s*›\s*/).filter((step) => step.length > 0);
  let title = steps.pop() ?? '';
  if (title === '…' && steps.length > 0) title = steps.pop() ?? '';
  // "file › …" cites every test of a test file.
  if (steps.length === 0 && index.files.has(title.replace(/\.(test|e2e)\.tsx?$/, '')) && c.text.endsWith('…')) return null;
  if (index.matches(title)) return null;
  // A title that itself contains "; " was split with the span: it names a test joined with its next part,
  // and that next part is then the tail of the same title.
  if (c.next !== undefined && index.matches(`${title}; ${c.next}`)) return null;
  if (index.matchesTail(c.text)) return null;
  return `${c.doc}: no test is named "${c.text}"`;
}
