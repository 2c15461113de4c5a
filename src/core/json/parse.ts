/**
 * The core's one validation style: small structural parsers (unknown -> typed copy), combined, so
 * policies and calendars are checked without a schema library. Every parser reports all problems it
 * finds, each at the path of the offending value (with a stable code where the document type has
 * codes), and builds fresh objects and arrays (unknown keys dropped) so freezing the result never
 * reaches input.
 */
import { isRecord } from './index';

export type PathPart = string | number;
export interface ParseIssue {
  path: PathPart[];
  message: string;
  /** The stable error code, when the parser that found the problem names one. */
  code?: string;
}

/** What to report instead of the generic "Expected …" when a value has the wrong JSON type. */
export interface Complaint {
  code: string;
  message: string;
}

/** Returned instead of a value when the input did not fit; undefined is a legitimate value. */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

export type Parser<T> = (input: unknown, path: PathPart[], issues: ParseIssue[]) => T | Invalid;
/** An object field that may be missing; only meaningful inside object(). */
export type OptionalParser<T> = Parser<T | undefined> & { readonly optional: true };

export type Infer<P> = P extends Parser<infer T> ? T : never;
type Shape = Record<string, Parser<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;

const describe = (input: unknown): string => (input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

/** Records one problem at `path` and answers INVALID, so a parser can `return report(...)`. */
export function report(issues: ParseIssue[], path: PathPart[], message: string, code?: string): Invalid {
  issues.push(code === undefined ? { path, message } : { path, message, code });
  return INVALID;
}

/** The complaint when given, else the generic message. */
const wrongType = (issues: ParseIssue[], path: PathPart[], generic: string, complaint?: Complaint): Invalid =>
  complaint ? report(issues, path, complaint.message, complaint.code) : report(issues, path, generic);

/** A problem as the core's validators answer it: a stable code, a JSON path as text, a message. */
export interface CodedError<C extends string> {
  code: C;
  path: string;
  message: string;
}

/**
 * The issues of a document type whose every parser reports a code of `C` (through `report` or a
 * complaint), as its errors; `fallback` only guards against a parser that forgot its code.
 */
export function codedErrors<C extends string>(issues: readonly ParseIssue[], fallback: C): CodedError<C>[] {
  return issues.map((i) => ({ code: (i.code ?? fallback) as C, path: formatPath(i.path), message: i.message }));
}

/** "metrics[0].goals[2].target" from ["metrics", 0, "goals", 2, "target"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** A string, with at least `min` characters when given. */
export function string(min = 0): Parser<string> {
  return (input, path, issues) => {
    if (typeof input !== 'string') return report(issues, path, `Expected a text, got ${describe(input)}.`);
    if (input.length < min) return report(issues, path, `Expected at least ${min} character(s).`);
    return input;
  };
}

/** A finite number (NaN and Infinity are not numbers a policy can mean). */
export const number: Parser<number> = (input, path, issues) =>
  typeof input === 'number' && Number.isFinite(input) ? input : report(issues, path, `Expected a number, got ${describe(input)}.`);

export const boolean: Parser<boolean> = (input, path, issues) =>
  typeof input === 'boolean' ? input : report(issues, path, `Expected true or false, got ${describe(input)}.`);

export const unknownValue: Parser<unknown> = (input) => input;

/** One of a fixed list of literal values. */
export function oneOf<const T extends readonly (string | number)[]>(values: T): Parser<T[number]> {
  return (input, path, issues) =>
    values.some((v) => v === input) ? (input as T[number]) : report(issues, path, `Expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}.`);
}

export function optional<T>(parser: Parser<T>): OptionalParser<T> {
  const parse: Parser<T | undefined> = (input, path, issues) => (input === undefined ? undefined : parser(input, path, issues));
  return Object.assign(parse, { optional: true as const });
}

/** An array whose every item fits; all failing items are reported. */
export function array<T>(item: Parser<T>, complaint?: Complaint): Parser<T[]> {
  return (input, path, issues) => {
    if (!Array.isArray(input)) return wrongType(issues, path, `Expected a list, got ${describe(input)}.`, complaint);
    const out: T[] = [];
    let ok = true;
    input.forEach((raw: unknown, i) => {
      const value = item(raw, [...path, i], issues);
      if (value === INVALID) ok = false;
      else out.push(value);
    });
    return ok ? out : INVALID;
  };
}

/** A string-keyed map whose every value fits. */
export function record<T>(value: Parser<T>): Parser<Record<string, T>> {
  return (input, path, issues) => {
    if (!isRecord(input)) return report(issues, path, `Expected an object, got ${describe(input)}.`);
    const out: Record<string, T> = {};
    let ok = true;
    for (const key of Object.keys(input)) {
      const parsed = value(input[key], [...path, key], issues);
      if (parsed === INVALID) ok = false;
      else out[key] = parsed;
    }
    return ok ? out : INVALID;
  };
}

/** An object with these fields in this order; missing optional fields stay absent, unknown keys are dropped. */
export function object<S extends Shape>(shape: S, complaint?: Complaint): Parser<ObjectOf<S>> {
  return (input, path, issues) => {
    if (!isRecord(input)) return wrongType(issues, path, `Expected an object, got ${describe(input)}.`, complaint);
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [key, field] of Object.entries(shape)) {
      const parsed = field(input[key], [...path, key], issues);
      if (parsed === INVALID) ok = false;
      else if (parsed !== undefined || key in input) out[key] = parsed;
    }
    return ok ? (out as ObjectOf<S>) : INVALID;
  };
}

type Variants = Record<string, Shape>;
export type TaggedOf<V extends Variants> = { [K in keyof V & string]: Flat<{ kind: K } & ObjectOf<V[K]>> }[keyof V & string];

/**
 * A union told apart by its `kind`: an unknown kind is reported at `kind`, the rest of the object
 * only against the variant it names.
 * @example tagged({ label: { label: string() } })({ kind: 'label', label: 'x' }, [], [])
 */
export function tagged<V extends Variants>(variants: V): Parser<TaggedOf<V>> {
  const parsers = new Map(Object.entries(variants).map(([kind, shape]) => [kind, object({ kind: oneOf([kind]), ...shape })]));
  return (input, path, issues) => {
    if (!isRecord(input)) return report(issues, path, `Expected an object, got ${describe(input)}.`);
    const parser = typeof input.kind === 'string' ? parsers.get(input.kind) : undefined;
    if (!parser) return report(issues, [...path, 'kind'], `Expected kind to be one of ${[...parsers.keys()].map((k) => JSON.stringify(k)).join(', ')}.`);
    return parser(input, path, issues) as TaggedOf<V> | Invalid;
  };
}
