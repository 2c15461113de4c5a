/**
 * JQL parser: OR binds loosest, then AND, then NOT; parentheses group. Produces an AST that
 * evaluate.ts compiles against the site, so unknown fields fail before any issue is read.
 */
import { JqlError, lex, type Token } from './lexer';

export type FieldRef = { kind: 'name'; name: string } | { kind: 'property'; key: string; path: string };
export type Value =
  | { kind: 'literal'; text: string; quoted: boolean }
  | { kind: 'relative'; text: string }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'empty' };
export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type Expr =
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; item: Expr }
  | { kind: 'clause'; field: FieldRef; op: Operator; values: Value[] };

export interface OrderBy { field: FieldRef; direction: 'asc' | 'desc' }
export interface Query { where: Expr | null; orderBy: OrderBy[] }

export function parseJql(input: string): Query {
  const p = new Parser(lex(input));
  return p.query();
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    const where = this.isWord('order') ? null : this.peek().kind === 'end' ? null : this.or();
    const orderBy: OrderBy[] = [];
    if (this.acceptWord('order')) {
      this.expectWord('by');
      do orderBy.push(this.orderItem()); while (this.acceptPunct(','));
    }
    const t = this.peek();
    if (t.kind !== 'end') throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: unexpected '${describe(t)}' at position ${t.pos}.`);
    return { where, orderBy };
  }

  private or(): Expr {
    const items = [this.and()];
    while (this.acceptWord('or')) items.push(this.and());
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(): Expr {
    const items = [this.not()];
    while (this.acceptWord('and')) items.push(this.not());
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private not(): Expr {
    if (this.acceptWord('not')) return { kind: 'not', item: this.not() };
    if (this.acceptPunct('(')) {
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    return this.clause();
  }

  private clause(): Expr {
    const field = this.field();
    const op = this.operator();
    // `x IN fn()` takes a function's list; otherwise IN needs a parenthesised list.
    if ((op === 'in' || op === 'not in') && this.peek().kind !== 'punct') return { kind: 'clause', field, op, values: [this.value()] };
    if (op === 'in' || op === 'not in') {
      this.expectPunct('(');
      const values = [this.value()];
      while (this.acceptPunct(',')) values.push(this.value());
      this.expectPunct(')');
      return { kind: 'clause', field, op, values };
    }
    return { kind: 'clause', field, op, values: [this.value()] };
  }

  private field(): FieldRef {
    const t = this.next();
    if (t.kind === 'property') return { kind: 'property', key: t.key, path: t.path };
    if (t.kind === 'word' || t.kind === 'string') return { kind: 'name', name: t.text };
    throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: expected a field name at position ${t.pos} but found '${describe(t)}'.`);
  }

  private operator(): Operator {
    const t = this.next();
    if (t.kind === 'op') return t.text;
    if (t.kind === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'in') return 'in';
      if (w === 'not' && this.acceptWord('in')) return 'not in';
      if (w === 'is') return this.acceptWord('not') ? 'is not' : 'is';
      if (['was', 'changed'].includes(w)) throw new JqlError('JQL_NOT_EMULATED', `not emulated: the ${w.toUpperCase()} operator`);
    }
    throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: expected an operator at position ${t.pos} but found '${describe(t)}'.`);
  }

  private value(): Value {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'literal', text: t.text, quoted: true };
    if (t.kind === 'number') return { kind: 'literal', text: t.text, quoted: false };
    if (t.kind === 'relative') return { kind: 'relative', text: t.text };
    if (t.kind !== 'word') throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: expected a value at position ${t.pos} but found '${describe(t)}'.`);
    const lower = t.text.toLowerCase();
    if (lower === 'empty' || lower === 'null') return { kind: 'empty' };
    if (this.acceptPunct('(')) {
      const args: string[] = [];
      while (!this.acceptPunct(')')) {
        const a = this.next();
        if (a.kind === 'end') throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: the call to ${t.text}() is not closed.`);
        if (a.kind !== 'punct') args.push('text' in a ? a.text : '');
      }
      return { kind: 'function', name: lower, args };
    }
    return { kind: 'literal', text: t.text, quoted: false };
  }

  private orderItem(): OrderBy {
    const field = this.field();
    const direction = this.acceptWord('desc') ? 'desc' : (this.acceptWord('asc'), 'asc');
    return { field, direction };
  }

  private peek(): Token { return this.tokens[this.i] ?? { kind: 'end', pos: 0 }; }
  private next(): Token { const t = this.peek(); if (t.kind !== 'end') this.i++; return t; }
  private isWord(w: string): boolean { const t = this.peek(); return t.kind === 'word' && t.text.toLowerCase() === w; }
  private acceptWord(w: string): boolean { if (!this.isWord(w)) return false; this.i++; return true; }
  private acceptPunct(p: string): boolean { const t = this.peek(); if (t.kind !== 'punct' || t.text !== p) return false; this.i++; return true; }
  private expectWord(w: string): void {
    if (!this.acceptWord(w)) throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: expected '${w.toUpperCase()}' at position ${this.peek().pos}.`);
  }
  private expectPunct(p: string): void {
    if (!this.acceptPunct(p)) throw new JqlError('JQL_SYNTAX', `Error in the JQL Query: expected '${p}' at position ${this.peek().pos}.`);
  }
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'end of query';
  if (t.kind === 'property') return `issue.property[${t.key}]`;
  return t.text;
}
