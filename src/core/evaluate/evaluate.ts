/** evaluate(): the SLA state of one issue as a pure function of (history, policy, now). */
import type { Instant } from '../time';
import type { CompiledPolicy } from '../policy/compiled';
import { replayHistory } from './history';
import { replayMetric } from './machine';
import { beforeCreation, metricSnapshot } from './metric';
import type { IssueHistory, SlaSnapshot } from './types';

/**
 * Evaluates every metric of the policy on the issue's history as of `now`. Items dated after `now`
 * are ignored; contradictions are reported in `problems`, never thrown. Before the issue's creation
 * instant every metric is notStarted, checked again at creation.
 * @example evaluate(history, compiled, Date.parse('2026-03-02T10:00:00Z')).metrics[0].state // "running"
 */
export function evaluate(history: IssueHistory, policy: CompiledPolicy, now: Instant): SlaSnapshot {
  const replay = replayHistory(history, now);
  const metrics = policy.spec.metrics.map((metric) => {
    const snapshot = metricSnapshot(metric, replayMetric(metric, replay.steps), policy, replay.fields, now);
    return now < replay.createdAt ? beforeCreation(snapshot, replay.createdAt) : snapshot;
  });
  const checks = metrics.map((m) => m.nextCheckAt).filter((t): t is number => t !== null);
  return {
    issueId: history.issueId,
    evaluatedAt: now,
    metrics,
    nextCheckAt: checks.length > 0 ? Math.min(...checks) : null,
    problems: replay.problems,
  };
}
