/**
 * Structural schema of a policy document. Semantic rules (duplicates, references, conflicts) live in
 * rules.ts so each can carry its own stable code; this file only answers "is it shaped right?".
 */
import { array, boolean, number, object, oneOf, optional, record, string, tagged, unknownValue, type Infer } from '../json/parse';

const ids = array(string(1));
const categories = array(oneOf(['new', 'indeterminate', 'done']));

export const conditionSchema = tagged({
  issueCreated: {},
  statusEntered: { statusIds: ids },
  statusLeft: { statusIds: ids },
  inStatus: { statusIds: ids },
  statusCategoryEntered: { categories },
  inStatusCategory: { categories },
  resolutionSet: {},
  resolutionCleared: {},
  assigneeSet: {},
  assigneeChanged: {},
  commentByAgent: {},
  commentByCustomer: {},
  fieldChanged: { fieldId: string(1), toValue: optional(string()) },
  labelAdded: { label: optional(string(1)) },
  priorityChanged: {},
});

const matchSchema = object({
  priorityIds: optional(ids),
  issueTypeIds: optional(ids),
  field: optional(object({ fieldId: string(1), optionIds: ids })),
  labels: optional(ids),
  componentIds: optional(ids),
  customer: optional(object({ fieldId: string(1), values: ids })),
});

export const targetSchema = tagged({
  minutes: { minutes: number },
  businessDays: { days: number, endOfDay: optional(boolean) },
  trackOnly: {},
});

const calendarRefSchema = tagged({
  fixed: { calendarId: string() },
  fromField: { fieldId: string(1), map: record(string()), fallbackCalendarId: string() },
});

/** Target is optional here so that a missing one gets its own code (POL_GOAL_WITHOUT_TARGET). */
const goalSchema = object({
  id: string(1),
  name: string(1),
  match: matchSchema,
  target: optional(targetSchema),
  calendar: calendarRefSchema,
});

const warningSchema = tagged({
  percent: { percent: number },
  beforeBreach: { minutes: number },
});

const actionSchema = tagged({
  comment: { body: string(), internal: optional(boolean) },
  label: { label: string() },
  notify: { to: array(oneOf(['assignee', 'watchers', 'reporter'])), subject: string() },
});

const metricSchema = object({
  key: string(),
  name: string(1),
  mode: oneOf(['once', 'recurring']),
  start: array(conditionSchema),
  pause: array(conditionSchema),
  stop: array(conditionSchema),
  goals: array(goalSchema),
  onGoalChange: optional(oneOf(['keepElapsed', 'restart', 'keepOriginal'])),
  warnings: optional(array(warningSchema)),
  warningActions: optional(array(actionSchema)),
  breachActions: optional(array(actionSchema)),
});

/** Calendars are checked by the calendar engine, so here they only need to be a list. */
export const policySchema = object({
  schemaVersion: oneOf([1]),
  name: string(1),
  metrics: array(metricSchema),
  calendars: array(unknownValue),
});

export type ParsedPolicy = Infer<typeof policySchema>;
export type ParsedMetric = Infer<typeof metricSchema>;
export type ParsedGoal = Infer<typeof goalSchema>;
