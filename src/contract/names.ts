/**
 * Names of Jira things for people: the policy stores ids (admins rename statuses), so everything a
 * user reads maps ids to names first. Pure, shared by the resolvers and both Custom UIs.
 */
import type { Condition, StatusCategory } from '../core/browser';

/** Id -> name maps; a missing id is described without it (never shown raw). */
export interface SiteNames {
  statuses: Record<string, string>;
  fields: Record<string, string>;
}

export const NO_NAMES: SiteNames = { statuses: {}, fields: {} };

/** Jira's own words for the three status categories. */
export const CATEGORY_NAME: Record<StatusCategory, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

/** "Waiting for customer", "Waiting for customer or Pending", or "a status that no longer exists". */
export function statusList(ids: readonly string[], names: SiteNames): string {
  const known = ids.map((id) => names.statuses[id]).filter((n): n is string => typeof n === 'string' && n !== '');
  if (known.length === 0) return ids.length > 1 ? 'one of the chosen statuses' : 'the chosen status';
  const unknown = ids.length - known.length;
  const all = unknown > 0 ? [...known, unknown === 1 ? 'one more status' : `${unknown} more statuses`] : known;
  return all.length === 1 ? (all[0] as string) : `${all.slice(0, -1).join(', ')} or ${all[all.length - 1] as string}`;
}

/** "an In Progress status", "a To Do or Done status". */
function categories(list: readonly StatusCategory[]): string {
  const words = list.map((c) => CATEGORY_NAME[c]).join(' or ');
  return `${/^[AEIOU]/.test(words) ? 'an' : 'a'} ${words} status`;
}
const fieldName = (id: string, names: SiteNames): string => names.fields[id] ?? (id === 'priority' ? 'Priority' : 'a field');

/**
 * A condition in words, with names instead of ids: the panel's pause reason and the settings summaries.
 * @example describeNamed({ kind: 'inStatus', statusIds: ['10003'] }, names) // "in Waiting for customer"
 */
export function describeNamed(c: Condition, names: SiteNames): string {
  switch (c.kind) {
    case 'issueCreated': return 'issue created';
    case 'statusEntered': return `moved to ${statusList(c.statusIds, names)}`;
    case 'statusLeft': return `left ${statusList(c.statusIds, names)}`;
    case 'inStatus': return statusList(c.statusIds, names);
    case 'statusCategoryEntered': return `moved to ${categories(c.categories)}`;
    case 'inStatusCategory': return `in ${categories(c.categories)}`;
    case 'resolutionSet': return 'resolved';
    case 'resolutionCleared': return 'reopened';
    case 'assigneeSet': return 'assigned';
    case 'assigneeChanged': return 'assignee changed';
    case 'commentByAgent': return 'public reply by an agent';
    case 'commentByCustomer': return 'reply by the customer';
    case 'fieldChanged': return `${fieldName(c.fieldId, names)} changed`;
    case 'labelAdded': return c.label === undefined ? 'label added' : `label ${c.label} added`;
    case 'priorityChanged': return 'priority changed';
  }
}
