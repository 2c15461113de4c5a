/**
 * Maps keyed by what callers send (property keys, field ids, role names) read and write only own
 * properties, so `__proto__`, `constructor` or `toString` are ordinary keys, never the prototype.
 */
export function ownHas(map: object, key: string): boolean {
  return Object.hasOwn(map, key);
}

export function ownGet<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Defines rather than assigns: assigning `__proto__` would replace the prototype. */
export function ownSet<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}
