/**
 * The emulator's own platform limiters (emulator/limits, docs/reference/emulator-limits.md), switched
 * on at the documented values for the simulation: Jira's points quota, burst and per-issue write
 * limiters in front of the emulated site, the storage limiter refusing over-budget KVS and entity
 * calls, and the Forge queue's push limits. Counts are also kept per tag (what the simulation is
 * doing: a phase, or events vs sweep), which the emulator's counters do not know about.
 */
import { defaultJiraLimits, emptyJiraMeter, JiraMeter, type JiraLimitsConfig } from '../../emulator/limits/jira-limits';
import { defaultQueueLimits, emptyQueueMeter, QueueMeter } from '../../emulator/limits/queue-limits';
import { defaultStorageLimits, emptyStorageMeter, StorageMeter } from '../../emulator/limits/storage-limits';
import { noFaults } from '../../emulator/faults';
import type { JiraRequest, JiraResponse, RequestMeter } from '../../emulator/jira/router';
import type { JiraSite } from '../../emulator/jira/site';

export interface EndpointCount { requests: number; points: number }

export interface Tally {
  requests: number;
  points: number;
  byEndpoint: Record<string, EndpointCount>;
  http429: Record<string, number>;
}

export const emptyTally = (): Tally => ({ requests: 0, points: 0, byEndpoint: {}, http429: {} });

/** Every Jira limiter on, at the documented values. */
export function documentedJira(): JiraLimitsConfig {
  const c = defaultJiraLimits();
  return { quota: { ...c.quota, enabled: true }, burst: { ...c.burst, enabled: true }, perIssueWrite: { ...c.perIssueWrite, enabled: true } };
}

/** Refuses over-budget storage calls with 429 RATE_LIMIT_EXCEEDED (4,000 read and 4,000 write units a minute, 1,000 requests a second). */
export const documentedStorage = () => new StorageMeter({ ...defaultStorageLimits(), enabled: true }, emptyStorageMeter(), noFaults());

export const documentedQueue = (now: () => number) => new QueueMeter({ ...defaultQueueLimits(), rateEnabled: true }, emptyQueueMeter(), now);

const ISSUE_ROUTE = '/rest/api/3/issue/{idOrKey}';

/** The emulator's Jira meter (as PlatformLimits wires it: app calls only, a key counts as its issue), counted per tag. */
export class TaggedJiraMeter implements RequestMeter {
  readonly meter = new JiraMeter(documentedJira(), emptyJiraMeter());
  readonly tallies = new Map<string, Tally>();

  constructor(private readonly site: JiraSite, private readonly now: () => number, private readonly tag: () => string) {}

  tally(tag = this.tag()): Tally {
    let t = this.tallies.get(tag);
    if (!t) this.tallies.set(tag, (t = emptyTally()));
    return t;
  }

  admit(req: JiraRequest, template: string, params: string[]): JiraResponse | null {
    if (!req.actor.self) return null;
    const ref = template.startsWith(ISSUE_ROUTE) ? params[0] ?? null : null;
    const refused = this.meter.admit(req, template, ref === null ? null : this.site.issue(ref)?.id ?? ref, this.now());
    const t = this.tally();
    const e = (t.byEndpoint[`${req.method} ${template}`] ??= { requests: 0, points: 0 });
    t.requests++;
    e.requests++;
    const reason = refused?.headers?.['RateLimit-Reason'];
    if (reason) t.http429[reason] = (t.http429[reason] ?? 0) + 1;
    return refused;
  }

  settle(req: JiraRequest, template: string, _params: string[], res: JiraResponse): JiraResponse {
    if (!req.actor.self) return res;
    const key = `${req.method} ${template}`;
    const before = this.meter.state.endpoints[key]?.points ?? 0;
    const out = this.meter.settle(req, template, res, this.now());
    const points = (this.meter.state.endpoints[key]?.points ?? 0) - before;
    const t = this.tally();
    t.points += points;
    (t.byEndpoint[key] ??= { requests: 0, points: 0 }).points += points;
    return out;
  }
}
