/**
 * The emulator's clock: real time plus a controllable offset. Installing it replaces the global
 * `Date` so that handlers (which read `Date.now()`), Jira timestamps and queued retries all agree
 * on one "now" that tests and demos can move forward.
 */
export interface EmulatorClock {
  now(): number;
  offsetMs(): number;
  /** Moves emulator time forward; never backwards (events must keep their order). */
  advance(ms: number): number;
  setOffset(ms: number): void;
}

const RealDate = Date;

export function createClock(initialOffsetMs = 0): EmulatorClock {
  let offset = initialOffsetMs;
  return {
    now: () => RealDate.now() + offset,
    offsetMs: () => offset,
    advance(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
      offset += ms;
      return RealDate.now() + offset;
    },
    setOffset(ms: number): void {
      offset = ms;
    },
  };
}

let installed: EmulatorClock | null = null;

/** The real wall clock, for code that must not be shifted (HTTP Date headers, timers). */
export function realNow(): number {
  return RealDate.now();
}

/**
 * Replaces global Date so `Date.now()` and `new Date()` read the emulator clock. Explicit dates
 * (`new Date(ms)`, `Date.parse`) keep working unchanged.
 */
export function installClock(clock: EmulatorClock): void {
  installed = clock;
  const Shifted = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(currentNow()).toString();
    if (args.length === 0) return new RealDate(currentNow());
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(Shifted, RealDate);
  (Shifted as unknown as { prototype: Date }).prototype = RealDate.prototype;
  Shifted.now = () => currentNow();
  Shifted.parse = RealDate.parse;
  Shifted.UTC = RealDate.UTC;
  globalThis.Date = Shifted;
}

export function uninstallClock(): void {
  installed = null;
  globalThis.Date = RealDate;
}

function currentNow(): number {
  return installed ? installed.now() : RealDate.now();
}
