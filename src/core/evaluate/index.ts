/** Public API of evaluation: issue history + compiled policy + now -> SLA snapshot. */
export { evaluate } from './evaluate';
export { previewDue, type DuePreview } from './preview';
export { dueActions, thresholdToken, type DueAction } from './actions';
export { storedState, storedPhase, isoSeconds, type StoredState, type StoredMetric, type StoredMetricState } from './stored';
export { replayHistory, type Replay, type Step } from './history';
export * from './types';
