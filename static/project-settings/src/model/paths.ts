/**
 * Reads a value from the policy by the backend's JSON path ("metrics[0].goals[2].target"), so an
 * issue can be retired as soon as the admin edits the value it is about.
 */
import type { FieldIssue } from '@contract';

/** "a[0].b" -> ["a", 0, "b"]; map keys with dots are not used by the policy model. */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [path];
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const seg of pathSegments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The issues whose value is the same in both drafts: the others were edited and may be fixed. */
export function issuesStillOpen(issues: readonly FieldIssue[], before: unknown, after: unknown): FieldIssue[] {
  const kept = issues.filter((i) => JSON.stringify(valueAt(before, i.path)) === JSON.stringify(valueAt(after, i.path)));
  return kept.length === issues.length ? [...issues] : kept;
}
