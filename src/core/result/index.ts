/**
 * The one success-or-failure value of the code base. Expected failures are values with stable
 * error codes; only bugs throw. `E` is whatever the failing side reports: a list of validation
 * errors, a Jira error, a resolver failure.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
