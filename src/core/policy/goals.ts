/** Goal selection: the ordered goal list of a metric, first match wins. */
import type { CalendarRef, Goal, GoalMatch, MetricSpec } from './types';

/** Field values by Jira field id ("priority", "issuetype", "labels", "components", "customfield_…"). */
export type FieldValues = Readonly<Record<string, string | null | undefined>>;

/** List fields (labels, components, multi-selects) are space-joined ids. */
function tokens(value: string | null | undefined): string[] {
  return value ? value.split(' ').filter((t) => t !== '') : [];
}

/** An absent criterion matches everything; an empty list matches nothing. */
function anyOf(accepted: readonly string[] | undefined, value: string | null | undefined): boolean {
  if (accepted === undefined) return true;
  if (!value) return false;
  // Most fields hold one id: skip the split, goal selection runs on every field change.
  if (!value.includes(' ')) return accepted.includes(value);
  return tokens(value).some((t) => accepted.includes(t));
}

/**
 * The field ids a metric's goal selection reads (criteria and field-driven calendars): a change to
 * any other field cannot change the goal.
 * @example goalFields(metric) // Set { 'priority', 'customfield_10050' }
 */
export function goalFields(metric: Pick<MetricSpec, 'goals'>): Set<string> {
  const fields = new Set<string>();
  for (const { match, calendar } of metric.goals) {
    if (match.priorityIds) fields.add('priority');
    if (match.issueTypeIds) fields.add('issuetype');
    if (match.labels) fields.add('labels');
    if (match.componentIds) fields.add('components');
    if (match.field) fields.add(match.field.fieldId);
    if (match.customer) fields.add(match.customer.fieldId);
    if (calendar.kind === 'fromField') fields.add(calendar.fieldId);
  }
  return fields;
}

/**
 * True when every given criterion of the goal matches the field values.
 * @example goalMatches({ priorityIds: ['1'] }, { priority: '1' }) // true
 */
export function goalMatches(match: GoalMatch, fields: FieldValues): boolean {
  return (
    anyOf(match.priorityIds, fields['priority']) &&
    anyOf(match.issueTypeIds, fields['issuetype']) &&
    anyOf(match.labels, fields['labels']) &&
    anyOf(match.componentIds, fields['components']) &&
    (match.field === undefined || anyOf(match.field.optionIds, fields[match.field.fieldId])) &&
    (match.customer === undefined || anyOf(match.customer.values, fields[match.customer.fieldId]))
  );
}

/**
 * The first goal of the metric that matches, or null (the metric does not apply).
 * @example selectGoal(metric, { priority: '2' })?.name // "High"
 */
export function selectGoal(metric: Pick<MetricSpec, 'goals'>, fields: FieldValues): Goal | null {
  // Indexed: for-of over a frozen (validated) goal list is several times slower in V8.
  const goals = metric.goals;
  for (let i = 0; i < goals.length; i++) {
    const goal = goals[i];
    if (goal !== undefined && goalMatches(goal.match, fields)) return goal;
  }
  return null;
}

/**
 * The calendar id a goal counts on for these field values (a field-driven calendar falls back when the
 * field is empty or holds an unmapped value).
 * @example calendarIdFor({ kind: 'fixed', calendarId: 'cet' }, {}) // "cet"
 */
export function calendarIdFor(ref: CalendarRef, fields: FieldValues): string {
  if (ref.kind === 'fixed') return ref.calendarId;
  const value = fields[ref.fieldId];
  return (value !== null && value !== undefined ? ref.map[value] : undefined) ?? ref.fallbackCalendarId;
}
