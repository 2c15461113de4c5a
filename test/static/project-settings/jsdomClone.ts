/**
 * jsdom's window has no structuredClone (every browser the app supports has it); the settings page
 * runs the core validator, which clones specs with it, so the tests lend it Node's.
 */
import { deserialize, serialize } from 'node:v8';

const g = globalThis as { structuredClone?: <T>(value: T) => T };
g.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
