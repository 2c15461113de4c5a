/** Every condition kind of the policy model, in admin's words, with the parameters it needs. */
import type { Condition, ConditionKind } from '@core/browser';

export type ConditionParams = 'none' | 'statuses' | 'categories' | 'field' | 'label';

export interface ConditionKindInfo {
  kind: ConditionKind;
  label: string;
  params: ConditionParams;
}

export const CONDITION_KINDS: readonly ConditionKindInfo[] = [
  { kind: 'issueCreated', label: 'Issue created', params: 'none' },
  { kind: 'statusEntered', label: 'Enters status', params: 'statuses' },
  { kind: 'statusLeft', label: 'Leaves status', params: 'statuses' },
  { kind: 'inStatus', label: 'While in status', params: 'statuses' },
  { kind: 'statusCategoryEntered', label: 'Enters status category', params: 'categories' },
  { kind: 'inStatusCategory', label: 'While in status category', params: 'categories' },
  { kind: 'resolutionSet', label: 'Resolution set', params: 'none' },
  { kind: 'resolutionCleared', label: 'Resolution cleared (reopened)', params: 'none' },
  { kind: 'assigneeSet', label: 'Assignee set', params: 'none' },
  { kind: 'assigneeChanged', label: 'Assignee changed', params: 'none' },
  { kind: 'commentByAgent', label: 'Comment by an agent', params: 'none' },
  { kind: 'commentByCustomer', label: 'Comment by the customer', params: 'none' },
  { kind: 'fieldChanged', label: 'Field changed', params: 'field' },
  { kind: 'labelAdded', label: 'Label added', params: 'label' },
  { kind: 'priorityChanged', label: 'Priority changed', params: 'none' },
];

export function kindInfo(kind: ConditionKind): ConditionKindInfo {
  return CONDITION_KINDS.find((k) => k.kind === kind) ?? { kind, label: kind, params: 'none' };
}

/** A fresh condition of `kind`, carrying over status ids or categories when the shape allows. */
export function conditionOfKind(kind: ConditionKind, previous?: Condition): Condition {
  const statusIds = previous && 'statusIds' in previous ? previous.statusIds : [];
  const categories = previous && 'categories' in previous ? previous.categories : [];
  switch (kindInfo(kind).params) {
    case 'statuses':
      return { kind, statusIds } as Condition;
    case 'categories':
      return { kind, categories } as Condition;
    case 'field':
      return { kind: 'fieldChanged', fieldId: '' };
    case 'label':
      return { kind: 'labelAdded' };
    default:
      return { kind } as Condition;
  }
}

export const CATEGORY_LABELS: Record<'new' | 'indeterminate' | 'done', string> = {
  new: 'To do',
  indeterminate: 'In progress',
  done: 'Done',
};
