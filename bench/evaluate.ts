/**
 * Evaluation throughput: one issue with 200 history items under a 4-metric policy (median per issue),
 * and 10,000 such issues. Prints JSON lines {"bench", "ours_us", …}.
 */
import { evaluate, instantiatePreset, validatePolicy, type CompiledPolicy, type FieldChange, type HistoryComment, type IssueHistory } from '@core';
import type { JiraMetadata } from '@contract';

const SITE: JiraMetadata = {
  priorities: [{ id: '1', name: 'High' }],
  statuses: [
    { id: '1', name: 'Open', category: 'new' }, { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '10005', name: 'Waiting for customer', category: 'indeterminate' }, { id: '5', name: 'Done', category: 'done' },
  ],
  issueTypes: [],
  selectFields: [{ id: 'customfield_1', name: 'Severity', options: ['A', 'B', 'C', 'D'].map((l) => ({ id: l, name: `Severity ${l}` })) }],
};

/** Premium helpdesk (response, intervention, update cadence) plus a time-to-resolution metric: 4 metrics. */
function benchPolicy(): CompiledPolicy {
  const { policy } = instantiatePreset('idalko-premium', SITE);
  const [first] = policy.metrics;
  if (!first) throw new Error('preset without metrics');
  const resolution = { ...first, key: 'resolution', name: 'Time to resolution', start: [{ kind: 'issueCreated' as const }, { kind: 'resolutionCleared' as const }], stop: [{ kind: 'resolutionSet' as const }] };
  const r = validatePolicy({ ...policy, metrics: [...policy.metrics, resolution] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const STATUS_CYCLE = ['3', '10005', '3', '5', '1'];

/** A deterministic busy issue: status moves, severity edits, resolutions and comments over ~3 weeks. */
function busyHistory(seed: number, items = 200): IssueHistory {
  const start = Date.UTC(2026, 2, 2, 7, 0) + (seed % 97) * 3_600_000;
  const changes: FieldChange[] = [];
  const comments: HistoryComment[] = [];
  let status = '1';
  for (let i = 0; i < items; i++) {
    const at = start + (i + 1) * 2_417_000 + ((seed * 7919 + i * 104_729) % 600_000);
    const kind = (i + seed) % 5;
    if (kind === 0 || kind === 3) {
      const to = STATUS_CYCLE[(i / 5 + seed) % STATUS_CYCLE.length | 0] ?? '3';
      changes.push({ id: `${i}#0`, at, field: 'status', from: status, to });
      if (to === '5' || status === '5') changes.push({ id: `${i}#1`, at, field: 'resolution', from: null, to: to === '5' ? 'fixed' : null });
      status = to;
    } else if (kind === 1) changes.push({ id: `${i}#0`, at, field: 'customfield_1', from: null, to: 'ABCD'[(i + seed) % 4] ?? 'A' });
    else comments.push({ id: `c${i}`, at, author: kind === 2 ? 'agent' : 'customer', public: (i + seed) % 7 !== 0 });
  }
  const categories = Object.fromEntries(SITE.statuses.map((s) => [s.id, s.category]));
  return { issueId: String(seed), createdAt: start, initial: { status: '1', customfield_1: 'A', resolution: null }, changes, comments, statusCategories: categories };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const micros = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1000;

export async function run(print: (line: object) => void): Promise<void> {
  const policy = benchPolicy();
  const issue = busyHistory(1);
  const now = Date.UTC(2026, 2, 30);
  for (let i = 0; i < 200; i++) evaluate(issue, policy, now); // warm-up: JIT and calendar caches
  // Batches of 10 keep timer overhead and a stray GC pause from dominating single samples.
  const samples: number[] = [];
  for (let b = 0; b < 300; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 10; i++) evaluate(issue, policy, now);
    samples.push(micros(t) / 10);
  }
  print({ bench: 'evaluate one issue, 200 history items x 4 metrics (median)', ours_us: Math.round(median(samples) * 10) / 10, target_us: 200 });

  const histories = Array.from({ length: 500 }, (_, i) => busyHistory(i + 2));
  const t = process.hrtime.bigint();
  for (let i = 0; i < 10_000; i++) evaluate(histories[i % histories.length] ?? issue, policy, now);
  const total = micros(t);
  print({ bench: 'evaluate 10,000 issues, 200 history items x 4 metrics (per issue)', ours_us: Math.round((total / 10_000) * 10) / 10, total_ms: Math.round(total / 1000), target_total_ms: 3000 });
}

if (require.main === module) {
  void run((line) => console.log(JSON.stringify(line)));
}
