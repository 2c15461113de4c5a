/**
 * Calendar engine throughput, side by side with moment-business-time and dayjs-business-time on
 * the same UTC calendar (Mon–Thu 08:00–19:00, Fri 08:00–15:00, Spanish public holidays) and the
 * same seeded workload, plus our own figures for a DST zone with holidays and a follow-the-sun union.
 */
import { calendarPreset, compileCalendar, listHolidays, type BusinessCalendar, type CalendarSpec } from '@core';
import { dayjsPeer, momentPeer, type BenchHours, type Peer } from './peers';
import { rng } from './rng';

const MINUTE = 60_000;
const STARTS = 2_000;
const OUR_REPEATS = 50;


interface Job { start: number; minutes: number; end: number }

/** Whole-minute starts over 2025 and durations of 1 h to 100 h (the peers work in whole minutes). */
function workload(seed: number): Job[] {
  const next = rng(seed);
  const from = Date.UTC(2025, 0, 1);
  const yearMinutes = 365 * 24 * 60;
  return Array.from({ length: STARTS }, () => {
    const start = from + Math.floor(next() * yearMinutes) * MINUTE;
    const minutes = 60 + Math.floor(next() * 99 * 60);
    return { start, minutes, end: start + Math.floor(next() * 200 * 60) * MINUTE };
  });
}

function benchHours(): BenchHours {
  const long: [string, string] = ['08:00:00', '19:00:00'];
  const holidays = [2025, 2026].flatMap((y) => listHolidays({ country: 'ES' }, y).filter((h) => h.type === 'public').map((h) => h.date));
  return { days: [null, long, long, long, long, ['08:00:00', '15:00:00'], null], holidays: [...new Set(holidays)] };
}

function benchCalendar(hours: BenchHours): BusinessCalendar {
  const day = (d: [string, string] | null) => (d ? [{ start: d[0].slice(0, 5), end: d[1].slice(0, 5) }] : []);
  const [sun, mon, tue, wed, thu, fri, sat] = hours.days.map(day);
  return compiled({
    schemaVersion: 1, kind: 'weekly', id: 'bench', name: 'Bench', timeZone: 'UTC',
    week: { mon, tue, wed, thu, fri, sat, sun },
    holidays: { custom: hours.holidays.map((date) => ({ name: date, date })) },
  });
}

function compiled(spec: CalendarSpec | null): BusinessCalendar {
  const result = compileCalendar(spec);
  if (!result.ok) throw new Error(`bench calendar rejected: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Mean microseconds per call of `op` over the jobs, repeated `repeats` times. */
function timePerOp<T>(jobs: Job[], repeats: number, op: (job: Job) => T): { us: number; results: T[] } {
  const results = jobs.map(op); // warm-up: JIT and per-year caches
  const t = process.hrtime.bigint();
  for (let r = 0; r < repeats; r++) for (const job of jobs) op(job);
  const us = Number(process.hrtime.bigint() - t) / 1000 / (repeats * jobs.length);
  return { us, results };
}

const round = (n: number): number => (n >= 10 ? Math.round(n) : Math.round(n * 1000) / 1000);

function compare(print: (line: object) => void, bench: string, jobs: Job[], peer: Peer, ours: (j: Job) => number | null, theirs: (j: Job) => number): void {
  const mine = timePerOp(jobs, OUR_REPEATS, ours);
  const other = timePerOp(jobs, 1, theirs);
  const mismatches = mine.results.filter((value, i) => value !== other.results[i]).length;
  print({ bench, peer: peer.name, ours_us: round(mine.us), peer_us: round(other.us), ratio: round(other.us / mine.us), mismatches });
}

function ownFigures(print: (line: object) => void, name: string, cal: BusinessCalendar, jobs: Job[]): void {
  const add = timePerOp(jobs, OUR_REPEATS, (j) => cal.addBusinessMillis(j.start, j.minutes * MINUTE));
  const between = timePerOp(jobs, OUR_REPEATS, (j) => cal.businessMillisBetween(j.start, j.end));
  print({ bench: `${name}: add business minutes`, ours_us: round(add.us) });
  print({ bench: `${name}: business minutes between`, ours_us: round(between.us) });
}

export async function run(print: (line: object) => void): Promise<void> {
  const hours = benchHours();
  const cal = benchCalendar(hours);
  const jobs = workload(20_251_231);
  for (const peer of [momentPeer(hours), dayjsPeer(hours)]) {
    compare(print, 'add business minutes (UTC, Mon–Thu 8–19, Fri 8–15, holidays)', jobs, peer,
      (j) => cal.addBusinessMillis(j.start, j.minutes * MINUTE), (j) => peer.add(j.start, j.minutes));
    compare(print, 'business minutes between (UTC, Mon–Thu 8–19, Fri 8–15, holidays)', jobs, peer,
      (j) => cal.businessMillisBetween(j.start, j.end) / MINUTE, (j) => peer.between(j.start, j.end));
  }
  ownFigures(print, 'Europe/Madrid Mon–Thu 8–19, Fri 8–15 with ES-MD holidays', compiled(calendarPreset('madrid-deiser')), jobs);
  ownFigures(print, 'follow-the-sun 24x5 union (Sydney + Los Angeles)', compiled(calendarPreset('follow-the-sun-24x5')), jobs);
  // A new id defeats the compiled-calendar cache; holiday results and zone tables stay warm.
  const fresh = { ...(calendarPreset('madrid-deiser') as CalendarSpec), id: 'madrid-fresh' };
  const t = process.hrtime.bigint();
  compiled(fresh).isOpen(Date.UTC(2025, 5, 1));
  print({ bench: 'compile a new Madrid calendar and project 2025 (one-time per calendar and year, then cached)', ours_us: round(Number(process.hrtime.bigint() - t) / 1000) });
}
