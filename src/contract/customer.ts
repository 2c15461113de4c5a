/**
 * What a customer (a JSM portal customer, or any caller Forge does not report as a licensed user)
 * may see of an issue's SLAs: the promise and whether it was kept. A DTO of its own, built field by
 * field, so no goal, calendar, status or metric name can reach a customer by accident.
 */
import type { Instant } from '../core/browser';

/** respond: the clock stops on an agent's reply; update: it restarts at each reply; resolve: anything else. */
export type CustomerPromiseKind = 'respond' | 'update' | 'resolve';

/**
 * onTrack: counting towards dueAt; onHold: not counting right now (no reason is given, the reason is
 * internal); met: kept; late: the due time passed (still open or done late).
 */
export type CustomerPromiseState = 'onTrack' | 'onHold' | 'met' | 'late';

export interface CustomerPromise {
  kind: CustomerPromiseKind;
  state: CustomerPromiseState;
  /** When the promise falls due; null while on hold (it moves) and once met. */
  dueAt: Instant | null;
  /** When the promise was kept (met) or when it was missed (late); null otherwise. */
  at: Instant | null;
}

export interface CustomerPanelData {
  view: 'customer';
  promises: CustomerPromise[];
  /** Server clock at response time, as for the agent view. */
  serverNow: Instant;
}
