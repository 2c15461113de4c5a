/**
 * Maps the backend's validation issues (JSON paths such as "metrics[0].goals[2].target") onto the
 * fields that render them. Issues no field claims are still listed in the save bar, so none is lost.
 */
import { createContext, useContext } from 'react';
import type { FieldIssue } from '@contract';

export interface IssueIndex {
  all: FieldIssue[];
  at(path: string): FieldIssue[];
  /** Issues at `prefix` or anywhere beneath it (for tab and card badges). */
  under(prefix: string): FieldIssue[];
}

function isBeneath(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const rest = path.charAt(prefix.length);
  return rest === '' || rest === '.' || rest === '[';
}

/** Backends sometimes prefix paths with "policy." or "$."; both mean the submitted policy root. */
export function normalizePath(path: string): string {
  return path.replace(/^\$\.?/, '').replace(/^policy\./, '');
}

export function indexIssues(issues: readonly FieldIssue[]): IssueIndex {
  const all = issues.map((i) => ({ ...i, path: normalizePath(i.path) }));
  return {
    all,
    at: (path) => all.filter((i) => i.path === path),
    under: (prefix) => all.filter((i) => isBeneath(i.path, prefix)),
  };
}

export const IssuesContext = createContext<IssueIndex>(indexIssues([]));

export function useIssuesAt(path: string): FieldIssue[] {
  return useContext(IssuesContext).at(path);
}

export function useIssuesUnder(prefix: string): FieldIssue[] {
  return useContext(IssuesContext).under(prefix);
}
