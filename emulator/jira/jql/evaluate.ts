/**
 * Compiles a parsed JQL query against the site. Jira's semantics kept: `!=` and NOT IN never match
 * an empty field; IS EMPTY matches it; comparisons on a missing value are false.
 */
import type { Issue, SiteData } from '../model';
import { JqlError } from './lexer';
import { resolveField, type JqlField } from './fields';
import { parseJql, type Expr, type Value } from './parser';
import { toInstant, toText, type JqlContext } from './values';

export interface CompiledQuery {
  match(issue: Issue): boolean;
  compare(a: Issue, b: Issue): number;
}

type Pred = (issue: Issue) => boolean;

export function compileJql(jql: string, data: SiteData, ctx: JqlContext): CompiledQuery {
  const q = parseJql(jql);
  if (!q.where) throw new JqlError('JQL_SYNTAX', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const match = compileExpr(q.where, data, ctx);
  const orders = q.orderBy.map((o) => ({ field: resolveField(o.field, data, ctx), sign: o.direction === 'asc' ? 1 : -1 }));
  const compare = (a: Issue, b: Issue): number => {
    for (const o of orders) {
      const d = compareBy(o.field, a, b);
      if (d !== 0) return d * o.sign;
    }
    return Number(b.id) - Number(a.id);
  };
  return { match, compare };
}

function compileExpr(e: Expr, data: SiteData, ctx: JqlContext): Pred {
  if (e.kind === 'and') { const ps = e.items.map((x) => compileExpr(x, data, ctx)); return (i) => ps.every((p) => p(i)); }
  if (e.kind === 'or') { const ps = e.items.map((x) => compileExpr(x, data, ctx)); return (i) => ps.some((p) => p(i)); }
  if (e.kind === 'not') { const p = compileExpr(e.item, data, ctx); return (i) => !p(i); }
  const field = resolveField(e.field, data, ctx);
  const first = e.values[0] ?? { kind: 'empty' };
  switch (e.op) {
    case 'is': case 'is not': return emptiness(field, first, e.op === 'is');
    case '=': return equality(field, [first], ctx, true);
    case 'in': return equality(field, e.values, ctx, true);
    case '!=': return equality(field, [first], ctx, false);
    case 'not in': return equality(field, e.values, ctx, false);
    case '~': case '!~': throw new JqlError('JQL_NOT_EMULATED', `not emulated: the ${e.op} operator on ${field.label}`);
    default: return comparison(field, e.op, first, ctx);
  }
}

function emptiness(field: JqlField, v: Value, wantEmpty: boolean): Pred {
  if (v.kind !== 'empty') throw new JqlError('JQL_BAD_VALUE', `IS / IS NOT only take EMPTY or NULL (field ${field.label}).`);
  const isEmpty = (i: Issue) => (field.number ? field.number(i) === null : field.tokens(i).length === 0);
  return (i) => isEmpty(i) === wantEmpty;
}

function equality(field: JqlField, values: Value[], ctx: JqlContext, positive: boolean): Pred {
  if (values.some((v) => v.kind === 'empty')) {
    throw new JqlError('JQL_BAD_VALUE', `use IS EMPTY / IS NOT EMPTY rather than = EMPTY (field ${field.label}).`);
  }
  if (field.isDate) {
    const instants = values.map((v) => toInstant(v, ctx));
    return (i) => { const n = field.number?.(i) ?? null; return n !== null && instants.includes(n) === positive; };
  }
  const wanted = values.map((v) => toText(v, ctx).toLowerCase());
  return (i) => {
    const tokens = field.tokens(i);
    if (tokens.length === 0) return false;
    return wanted.some((w) => tokens.includes(w)) === positive;
  };
}

function comparison(field: JqlField, op: '<' | '<=' | '>' | '>=', v: Value, ctx: JqlContext): Pred {
  const get = field.number;
  if (!get) throw new JqlError('JQL_NOT_EMULATED', `not emulated: the ${op} operator on ${field.label}`);
  const bound = field.isDate ? toInstant(v, ctx) : Number(toText(v, ctx));
  if (!Number.isFinite(bound)) throw new JqlError('JQL_BAD_VALUE', `The value for ${field.label} must be a number.`);
  return (i) => {
    const n = get(i);
    if (n === null) return false;
    return op === '<' ? n < bound : op === '<=' ? n <= bound : op === '>' ? n > bound : n >= bound;
  };
}

function compareBy(field: JqlField, a: Issue, b: Issue): number {
  if (field.number) {
    const x = field.number(a);
    const y = field.number(b);
    // Empty values sort last, as Jira does for ascending order.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x - y;
  }
  const sx = field.sortText ? field.sortText(a) : (field.tokens(a)[0] ?? '');
  const sy = field.sortText ? field.sortText(b) : (field.tokens(b)[0] ?? '');
  return sx.localeCompare(sy);
}
