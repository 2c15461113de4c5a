/**
 * Forge async-event push limits per installation: at most 50 events and 200 KB per push, and 500
 * events per minute. @forge/events checks the first two before sending (TooManyEventsError,
 * PayloadTooBigError); the emulator checks them again so a push that bypasses the client meets the
 * same wall. A refusal by rate answers 429, which the client throws as RateLimitError.
 */
import type { KvsReply } from '../forge/kvs';
import { emptyWindows, take, type Windows } from './window';

export interface QueueLimitsConfig { rateEnabled: boolean; eventsPerMinute: number; eventsPerPush: number; bytesPerPush: number; maxDelaySeconds: number }
export interface QueueMeterState { windows: Windows; pushes: number; events: number; refused: number }

export function defaultQueueLimits(): QueueLimitsConfig {
  return { rateEnabled: false, eventsPerMinute: 500, eventsPerPush: 50, bytesPerPush: 200 * 1024, maxDelaySeconds: 900 };
}

export function emptyQueueMeter(): QueueMeterState {
  return { windows: emptyWindows(), pushes: 0, events: 0, refused: 0 };
}

export class QueueMeter {
  constructor(public config: QueueLimitsConfig, public state: QueueMeterState, public now: () => number) {}

  /** Counts one push and refuses it when it breaks a limit; null accepts it. */
  admit(events: Array<{ delayInSeconds?: number }>): KvsReply | null {
    this.state.pushes++;
    const refused = this.check(events, this.now());
    if (refused) this.state.refused++;
    else this.state.events += events.length;
    return refused;
  }

  private check(events: Array<{ delayInSeconds?: number }>, now: number): KvsReply | null {
    const c = this.config;
    if (events.length === 0) return { status: 400, body: { message: 'No events pushed' } };
    if (events.length > c.eventsPerPush) return { status: 400, body: { message: `Maximum ${c.eventsPerPush} events allowed per push` } };
    if (Buffer.byteLength(JSON.stringify(events)) > c.bytesPerPush) return { status: 413, body: { errorMessage: `Maximum ${c.bytesPerPush / 1024} KB payload allowed per push` } };
    if (events.some((e) => (e.delayInSeconds ?? 0) < 0 || (e.delayInSeconds ?? 0) > c.maxDelaySeconds)) return { status: 400, body: { message: `delayInSeconds must be between 0 and ${c.maxDelaySeconds}` } };
    if (c.rateEnabled && !take(this.state.windows, 'events', now, 60_000, c.eventsPerMinute, events.length).ok) {
      return { status: 429, body: { message: `More than ${c.eventsPerMinute} events pushed in one minute` } };
    }
    return null;
  }
}
