/** The two helpers every reader of untrusted JSON needs, defined once for the whole code base. */

/** A JSON object: not null, not an array. */
export function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Freezes a value and everything it holds, so a validated document cannot change after the check. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
