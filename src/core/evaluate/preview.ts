/** previewDue(): what each metric's goal and due instant would be for an issue created now with these fields. */
import type { Instant } from '../time';
import type { CompiledPolicy } from '../policy/compiled';
import { calendarIdFor, selectGoal, type FieldValues } from '../policy/goals';
import { formatTarget } from '../policy/target';
import { goalMillis } from './elapsed';

export interface DuePreview {
  key: string;
  name: string;
  goalName: string | null;
  target: string | null;
  calendarId: string | null;
  dueAt: Instant | null;
}

/**
 * @example previewDue(compiled, { priority: '1' }, now)[0].dueAt // now + 1 h of business time
 */
export function previewDue(policy: CompiledPolicy, fields: FieldValues, now: Instant): DuePreview[] {
  return policy.spec.metrics.map((metric) => {
    const goal = selectGoal(metric, fields);
    const calendarId = goal ? calendarIdFor(goal.calendar, fields) : null;
    const calendar = calendarId === null ? null : policy.calendars.get(calendarId) ?? null;
    const goalMs = goalMillis(goal, calendar, now);
    const dueAt = goalMs === null ? null : calendar ? calendar.addBusinessMillis(now, goalMs) : now + goalMs;
    return {
      key: metric.key,
      name: metric.name,
      goalName: goal?.name ?? null,
      target: goal ? formatTarget(goal.target) : null,
      calendarId,
      dueAt,
    };
  });
}
