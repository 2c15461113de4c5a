/**
 * Structural schema of a policy document. Semantic rules (duplicates, references, conflicts) live in
 * rules.ts so each can carry its own stable code; this file only answers "is it shaped right?".
 */
import { z } from 'zod';

const ids = z.array(z.string().min(1));
const categories = z.array(z.enum(['new', 'indeterminate', 'done']));

export const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issueCreated') }),
  z.object({ kind: z.literal('statusEntered'), statusIds: ids }),
  z.object({ kind: z.literal('statusLeft'), statusIds: ids }),
  z.object({ kind: z.literal('inStatus'), statusIds: ids }),
  z.object({ kind: z.literal('statusCategoryEntered'), categories }),
  z.object({ kind: z.literal('inStatusCategory'), categories }),
  z.object({ kind: z.literal('resolutionSet') }),
  z.object({ kind: z.literal('resolutionCleared') }),
  z.object({ kind: z.literal('assigneeSet') }),
  z.object({ kind: z.literal('assigneeChanged') }),
  z.object({ kind: z.literal('commentByAgent') }),
  z.object({ kind: z.literal('commentByCustomer') }),
  z.object({ kind: z.literal('fieldChanged'), fieldId: z.string().min(1), toValue: z.string().optional() }),
  z.object({ kind: z.literal('labelAdded'), label: z.string().min(1).optional() }),
  z.object({ kind: z.literal('priorityChanged') }),
]);

const matchSchema = z.object({
  priorityIds: ids.optional(),
  issueTypeIds: ids.optional(),
  field: z.object({ fieldId: z.string().min(1), optionIds: ids }).optional(),
  labels: ids.optional(),
  componentIds: ids.optional(),
  customer: z.object({ fieldId: z.string().min(1), values: ids }).optional(),
});

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minutes'), minutes: z.number() }),
  z.object({ kind: z.literal('businessDays'), days: z.number() }),
  z.object({ kind: z.literal('trackOnly') }),
]);

const calendarRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), calendarId: z.string() }),
  z.object({
    kind: z.literal('fromField'),
    fieldId: z.string().min(1),
    map: z.record(z.string(), z.string()),
    fallbackCalendarId: z.string(),
  }),
]);

/** Target is optional here so that a missing one gets its own code (POL_GOAL_WITHOUT_TARGET). */
const goalSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  match: matchSchema,
  target: targetSchema.optional(),
  calendar: calendarRefSchema,
});

const warningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent: z.number() }),
  z.object({ kind: z.literal('beforeBreach'), minutes: z.number() }),
]);

const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('comment'), body: z.string(), internal: z.boolean().optional() }),
  z.object({ kind: z.literal('label'), label: z.string() }),
  z.object({ kind: z.literal('notify'), to: z.array(z.enum(['assignee', 'watchers', 'reporter'])), subject: z.string() }),
]);

const metricSchema = z.object({
  key: z.string(),
  name: z.string().min(1),
  mode: z.enum(['once', 'recurring']),
  start: z.array(conditionSchema),
  pause: z.array(conditionSchema),
  stop: z.array(conditionSchema),
  goals: z.array(goalSchema),
  onGoalChange: z.enum(['keepElapsed', 'restart', 'keepOriginal']).optional(),
  warnings: z.array(warningSchema).optional(),
  warningActions: z.array(actionSchema).optional(),
  breachActions: z.array(actionSchema).optional(),
});

/** Calendars are checked by the calendar engine, so here they only need to be a list. */
export const policySchema = z.object({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  metrics: z.array(metricSchema),
  calendars: z.array(z.unknown()),
});

export type ParsedPolicy = z.infer<typeof policySchema>;
export type ParsedMetric = z.infer<typeof metricSchema>;
export type ParsedGoal = z.infer<typeof goalSchema>;
