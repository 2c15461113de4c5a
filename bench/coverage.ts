/**
 * Coverage analysis as the settings preview runs it: a policy's worst-case waits over 12 months of
 * arrivals and its uncovered week, on the presets a real policy uses. Printed per goal kind so a
 * regression in one path shows up alone.
 */
import { calendarPreset, compileCalendar, type BusinessCalendar, uncoveredWeek, worstCase, type GoalTarget } from '@core';

const REPEATS = 5;
const FROM = Date.UTC(2026, 0, 1);
const TO = FROM + 366 * 86_400_000;

function preset(id: string): BusinessCalendar {
  const result = compileCalendar(calendarPreset(id));
  if (!result.ok) throw new Error(`preset ${id} rejected`);
  return result.value;
}

function median(run: () => void): number {
  run(); // warm-up: holiday rules and zone tables are built once per year and cached
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)] ?? 0;
}

export async function run(print: (line: object) => void): Promise<void> {
  const targets: Array<[string, GoalTarget]> = [
    ['4h', { kind: 'minutes', minutes: 240 }],
    ['1bd', { kind: 'businessDays', days: 1 }],
    ['2bd-eod', { kind: 'businessDays', days: 2, endOfDay: true }],
  ];
  for (const id of ['saxony-9-17', 'follow-the-sun-24x5']) {
    const calendar = preset(id);
    for (const [name, target] of targets) {
      const ms = median(() => worstCase(calendar, target, FROM, TO));
      print({ bench: 'coverage.worstCase', calendar: id, target: name, horizonDays: 366, medianMs: Number(ms.toFixed(2)) });
    }
    const ms = median(() => uncoveredWeek([calendar], FROM, TO, calendar.timeZone));
    print({ bench: 'coverage.uncoveredWeek', calendar: id, horizonDays: 366, medianMs: Number(ms.toFixed(2)) });
  }
  await Promise.resolve();
}
