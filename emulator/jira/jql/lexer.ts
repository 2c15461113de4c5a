/**
 * JQL tokens. `issue.property[key].path` is lexed as one field token because its brackets and
 * dots are not ordinary punctuation; relative dates (`-1d`, `4h`) are their own token so `-` never
 * needs to be an operator.
 */
export type Token =
  | { kind: 'word'; text: string; pos: number }
  | { kind: 'string'; text: string; pos: number }
  | { kind: 'number'; text: string; pos: number }
  | { kind: 'relative'; text: string; pos: number }
  | { kind: 'property'; key: string; path: string; pos: number }
  | { kind: 'op'; text: '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~'; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ','; pos: number }
  | { kind: 'end'; pos: number };

export class JqlError extends Error {
  constructor(readonly code: 'JQL_SYNTAX' | 'JQL_NOT_EMULATED' | 'JQL_UNKNOWN_FIELD' | 'JQL_BAD_VALUE', message: string) {
    super(message);
  }
}

const PROPERTY = /^issue\.property\[\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))\s*\]((?:\.[A-Za-z0-9_]+)*)/i;
const RELATIVE = /^[-+]?\d+[wdhm](?![A-Za-z0-9_\-/:.])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?![A-Za-z0-9_\-/:.])/;
const WORD = /^[A-Za-z0-9_.\-/:[\]]+/;
const OPS = ['!=', '<=', '>=', '!~', '=', '<', '>', '~'] as const;

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const rest = input.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) { i += space[0].length; continue; }
    const t = lexOne(rest, i);
    tokens.push(t.token);
    i += t.length;
  }
  tokens.push({ kind: 'end', pos: input.length });
  return tokens;
}

function lexOne(rest: string, pos: number): { token: Token; length: number } {
  const ch = rest[0] ?? '';
  if (ch === '"' || ch === "'") return lexString(rest, pos, ch);
  if (ch === '(' || ch === ')' || ch === ',') return { token: { kind: 'punct', text: ch, pos }, length: 1 };
  const op = OPS.find((o) => rest.startsWith(o));
  if (op) return { token: { kind: 'op', text: op, pos }, length: op.length };
  const prop = PROPERTY.exec(rest);
  if (prop) {
    const key = prop[1] ?? prop[2] ?? prop[3] ?? '';
    return { token: { kind: 'property', key, path: (prop[4] ?? '').replace(/^\./, ''), pos }, length: prop[0].length };
  }
  const rel = RELATIVE.exec(rest);
  if (rel) return { token: { kind: 'relative', text: rel[0], pos }, length: rel[0].length };
  const num = NUMBER.exec(rest);
  if (num) return { token: { kind: 'number', text: num[0], pos }, length: num[0].length };
  const word = WORD.exec(rest);
  if (word) return { token: { kind: 'word', text: word[0], pos }, length: word[0].length };
  throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: the character '${ch}' at position ${pos} is not expected.`);
}

function lexString(rest: string, pos: number, quote: string): { token: Token; length: number } {
  let text = '';
  for (let j = 1; j < rest.length; j++) {
    const c = rest[j];
    if (c === '\\' && j + 1 < rest.length) { text += rest[j + 1]; j++; continue; }
    if (c === quote) return { token: { kind: 'string', text, pos }, length: j + 1 };
    text += c;
  }
  throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: the quoted string starting at position ${pos} is not closed.`);
}
