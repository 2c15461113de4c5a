/** Facts about condition kinds shared by validation, evaluation and the settings UI. */
import type { Condition, ConditionKind } from './types';

/**
 * Kinds that describe a state the issue is in (rather than a single moment). Only these can pause a
 * clock, and a recurring metric needs one among its start conditions to know when its cadence ends.
 */
const STATE_KINDS: ReadonlySet<ConditionKind> = new Set<ConditionKind>([
  'inStatus',
  'statusEntered',
  'inStatusCategory',
  'statusCategoryEntered',
  'resolutionSet',
  'resolutionCleared',
  'assigneeSet',
]);

/**
 * True when the condition can be read as a state.
 * @example isStateCondition({ kind: 'inStatus', statusIds: ['3'] }) // true
 */
export function isStateCondition(condition: Condition): boolean {
  return STATE_KINDS.has(condition.kind);
}

/**
 * A short human description, used as a pause label.
 * @example describeCondition({ kind: 'inStatus', statusIds: ['10005'] }) // "in status 10005"
 */
export function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'issueCreated': return 'issue created';
    case 'statusEntered': return `entered status ${c.statusIds.join(', ')}`;
    case 'statusLeft': return `left status ${c.statusIds.join(', ')}`;
    case 'inStatus': return `in status ${c.statusIds.join(', ')}`;
    case 'statusCategoryEntered': return `entered category ${c.categories.join(', ')}`;
    case 'inStatusCategory': return `in category ${c.categories.join(', ')}`;
    case 'resolutionSet': return 'resolution set';
    case 'resolutionCleared': return 'resolution cleared';
    case 'assigneeSet': return 'assignee set';
    case 'assigneeChanged': return 'assignee changed';
    case 'commentByAgent': return 'public comment by an agent';
    case 'commentByCustomer': return 'comment by the customer';
    case 'fieldChanged': return c.toValue === undefined ? `${c.fieldId} changed` : `${c.fieldId} changed to ${c.toValue}`;
    case 'labelAdded': return c.label === undefined ? 'label added' : `label ${c.label} added`;
    case 'priorityChanged': return 'priority changed';
  }
}

/** A canonical string for comparing conditions regardless of key order or id order. */
export function conditionKey(c: Condition): string {
  const entries = Object.entries(c)
    .map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
