/** A region of the page (e.g. one tab) whose local problems are counted apart and reported up. */
import { useEffect, type ReactNode } from 'react';
import { LocalProblemsContext } from '../model/localProblems';
import { useProblemRegistry } from './useProblemRegistry';

interface Props {
  scope: string;
  /** Called with the number of fields in this region that report a local problem; keep it stable. */
  onCount: (scope: string, count: number) => void;
  children: ReactNode;
}

export function ProblemScope({ scope, onCount, children }: Props) {
  const { registry, count } = useProblemRegistry();
  useEffect(() => onCount(scope, count), [scope, count, onCount]);
  return <LocalProblemsContext.Provider value={registry}>{children}</LocalProblemsContext.Provider>;
}
