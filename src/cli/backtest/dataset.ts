/**
 * The export file: everything a backtest read from the site, so a rerun needs no network and gives
 * the same output. Issues are kept as Jira returned them (fields, changelog, comments), not as the
 * core's histories, so a later policy that reads another field can still be mapped (if it was fetched).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { IssueBundle } from '../../jira/issueReads';
import { commentSchema, historySchema } from '../../jira/schemas';
import { failure, type CliResult } from '../errors';

export const EXPORT_FORMAT = 'sla-clock-backtest-export';

export interface Dataset {
  format: typeof EXPORT_FORMAT;
  version: 1;
  site: string;
  project: { id: string; key: string };
  jql: string;
  /** ISO instant the fetch started; the default evaluation instant. */
  fetchedAt: string;
  fieldIds: string[];
  statusCategories: Record<string, 'new' | 'indeterminate' | 'done'>;
  /** The policy read from the site's app storage, when the current policy came from there. */
  sitePolicy: unknown;
  issues: IssueBundle[];
}

const bundleSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
  histories: z.array(historySchema),
  comments: z.array(commentSchema),
});

const datasetSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  site: z.string(),
  project: z.object({ id: z.string(), key: z.string() }),
  jql: z.string(),
  fetchedAt: z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not an ISO instant'),
  fieldIds: z.array(z.string()),
  statusCategories: z.record(z.string(), z.enum(['new', 'indeterminate', 'done'])),
  sitePolicy: z.unknown(),
  issues: z.array(bundleSchema),
});

export function writeDataset(file: string, dataset: Dataset): CliResult<void> {
  try {
    writeFileSync(file, `${JSON.stringify(dataset)}\n`);
    return { ok: true, value: undefined };
  } catch (e) {
    return failure('CLI_WRITE_FAILED', `Could not write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The export file, checked: unreadable, not JSON, or not an export all answer CLI_BAD_EXPORT. */
export function readDataset(file: string): CliResult<Dataset> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    return failure('CLI_BAD_EXPORT', `${file} is not a readable JSON export: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return failure('CLI_BAD_EXPORT', `${file} is not a backtest export this version can read.`, details);
  }
  const issues = parsed.data.issues.map((i) => ({ ...i, slaProperty: undefined }));
  return { ok: true, value: { ...parsed.data, format: EXPORT_FORMAT, version: 1, issues } };
}
