/** Public API of evaluation: issue history + compiled policy + now -> SLA snapshot. */
export { evaluate } from './evaluate';
export { previewDue, type DuePreview } from './preview';
export { dueActions, thresholdToken, type DueAction } from './actions';
export { replayHistory, type Replay, type Step } from './history';
export * from './types';
