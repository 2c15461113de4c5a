/** Small scenario helpers for evaluate() edge cases; instants come from luxon wall readings, never from the engine. */
import { DateTime } from 'luxon';
import type { FieldChange, MetricSnapshot } from '../../../src/core/evaluate/types';
import type { MetricSpec } from '../../../src/core/policy/types';
import { at, change, goal, metric, STATUS } from './builders';

export const paris = (iso: string): number => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toMillis();
export const madrid = (iso: string): number => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();
export const onCalendar = (id: string, over: Partial<MetricSpec> = {}): MetricSpec =>
  metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: id } })], ...over });
export const first = (m: MetricSnapshot[] | undefined): MetricSnapshot | undefined => m?.[0];
export const toWaiting = (id: string, instant: number) => ({ id, at: instant, field: 'status', from: STATUS.open, to: STATUS.waiting });
export const toOpen = (id: string, instant: number) => ({ id, at: instant, field: 'status', from: STATUS.waiting, to: STATUS.open });
export const byPriority = (mode: 'keepElapsed' | 'restart', extra: Partial<MetricSpec> = {}): MetricSpec => metric({
  onGoalChange: mode, pause: [{ kind: 'inStatus', statusIds: [STATUS.waiting] }],
  goals: [goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 60 } }), goal({ id: 'rest', name: 'Rest' })],
  ...extra,
});
/** A status change at 10:00 on 2 March 2026 into `to`. */
export const status = (id: string, to: string): FieldChange => change(id, '2026-03-02T10:00:00Z', 'status', null, to);
export const ELEVEN = at('2026-03-02T11:00:00Z');
