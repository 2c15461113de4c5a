/**
 * When a condition fires on a step (a moment) and when it holds in a state. Conditions that describe
 * arriving somewhere (entered, set, in…) also fire at creation; conditions that describe an edit
 * (left, cleared, changed, label added) need a change after creation.
 */
import type { Condition, StatusCategory } from '../policy/types';
import type { Fields, Step } from './history';

export type Categories = Readonly<Record<string, StatusCategory>>;

function categoryOf(status: string | null | undefined, categories: Categories): StatusCategory | undefined {
  return status ? categories[status] : undefined;
}

function tokens(value: string | null | undefined): string[] {
  return value ? value.split(' ').filter((t) => t !== '') : [];
}

/** True while the issue is in the state the condition describes; false for moment-only kinds. */
export function holds(c: Condition, fields: Fields, categories: Categories): boolean {
  const category = c.kind === 'inStatusCategory' || c.kind === 'statusCategoryEntered' ? categoryOf(fields['status'], categories) : undefined;
  return holdsIn(c, fields, category);
}

/** holds() before and after a step, with the status category the step already looked up. */
export const holdsBefore = (c: Condition, step: Step): boolean => holdsIn(c, step.prev, step.prevCategory);
export const holdsAfter = (c: Condition, step: Step): boolean => holdsIn(c, step.next, step.nextCategory);

/** holds() given the category of fields.status (undefined when it has none). */
function holdsIn(c: Condition, fields: Fields, category: StatusCategory | undefined): boolean {
  switch (c.kind) {
    case 'inStatus':
    case 'statusEntered':
      return c.statusIds.includes(fields['status'] ?? '');
    case 'inStatusCategory':
    case 'statusCategoryEntered':
      return category !== undefined && c.categories.includes(category);
    case 'resolutionSet':
      return (fields['resolution'] ?? null) !== null;
    case 'resolutionCleared':
      return (fields['resolution'] ?? null) === null;
    case 'assigneeSet':
      return (fields['assignee'] ?? null) !== null;
    default:
      return false;
  }
}

function becameTrue(c: Condition, step: Step): boolean {
  return holdsAfter(c, step) && (step.created || !holdsBefore(c, step));
}

function labelAdded(step: Step, label: string | undefined): boolean {
  const before = new Set(tokens(step.prev['labels']));
  const added = tokens(step.next['labels']).filter((l) => !before.has(l));
  return label === undefined ? added.length > 0 : added.includes(label);
}

function comment(step: Step, author: 'agent' | 'customer'): boolean {
  const c = step.comment;
  if (c === null) return false;
  // Agents reach the customer only with public comments; internal notes never answer a customer.
  return author === 'agent' ? c.author === 'agent' && c.public : c.author === 'customer';
}

function edited(step: Step, field: string): boolean {
  return !step.created && step.changed.includes(field);
}

/**
 * True when the condition happens at this step. Status categories come from the step (replayHistory
 * looked them up in the history's categories); the parameter stays for callers that pass them.
 */
export function fires(c: Condition, step: Step, _categories?: Categories): boolean {
  switch (c.kind) {
    case 'issueCreated': return step.created;
    case 'commentByAgent': return comment(step, 'agent');
    case 'commentByCustomer': return comment(step, 'customer');
    case 'statusLeft':
      return edited(step, 'status') && c.statusIds.includes(step.prev['status'] ?? '') && step.prev['status'] !== step.next['status'];
    // statusEntered is the set of statuses becoming true: a move between two listed statuses, or a
    // step that ends in the status it began in (an item 3→3, items 1→6→1 at one instant), enters nothing.
    case 'statusEntered':
    case 'inStatus':
    case 'inStatusCategory':
    case 'statusCategoryEntered':
    case 'assigneeSet':
    case 'resolutionSet':
      return becameTrue(c, step);
    case 'resolutionCleared': return edited(step, 'resolution') && becameTrue(c, step);
    case 'assigneeChanged': return step.changed.includes('assignee') && step.prev['assignee'] !== step.next['assignee'] && !(step.created && !step.next['assignee']);
    case 'fieldChanged': return edited(step, c.fieldId) && (c.toValue === undefined || step.next[c.fieldId] === c.toValue);
    case 'labelAdded': return edited(step, 'labels') && labelAdded(step, c.label);
    case 'priorityChanged': return edited(step, 'priority') && step.prev['priority'] !== step.next['priority'];
  }
}

/**
 * True when any condition of the list fires. An indexed loop: this runs for every step of every
 * metric, and for-of over a frozen (validated) array is several times slower in V8.
 */
export function anyFires(list: readonly Condition[], step: Step): boolean {
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c !== undefined && fires(c, step)) return true;
  }
  return false;
}
