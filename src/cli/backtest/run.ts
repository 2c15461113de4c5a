/**
 * `sla-clock backtest`: read the project's history (from the site, or from an export written before),
 * replay it under the current and the proposed policy, print the comparison.
 */
import { writeFileSync } from 'node:fs';
import { backtest, changedCsvRows, comparisonCsvRows, formatBacktestTable, policyFieldIds, toCsv, type BacktestReport, type CompiledPolicy } from '../../core';
import { BASE_FIELDS, mapHistory } from '../../jira/mapHistory';
import { failure, type CliResult } from '../errors';
import { stderrProgress } from '../progress';
import type { BacktestArgs } from './args';
import { EXPORT_FORMAT, readDataset, writeDataset, type Dataset } from './dataset';
import { fetchIssues } from './fetch';
import { compilePolicy, readPolicyFile } from './policies';
import { readProject, readSitePolicy, siteFailure, siteFromEnv } from './site';

export interface Io { stdout(text: string): void; stderr(text: string): void; env: NodeJS.ProcessEnv; now(): number }

interface Policies { current: CompiledPolicy; proposed: CompiledPolicy | null; sitePolicy: unknown }

function loadPolicies(args: BacktestArgs, sitePolicy: unknown): CliResult<Policies> {
  const currentRaw = args.current === 'site' ? { ok: true as const, value: sitePolicy } : readPolicyFile(args.current);
  if (!currentRaw.ok) return currentRaw;
  const current = compilePolicy(currentRaw.value, 'current');
  if (!current.ok) return current;
  if (args.proposed === null) return { ok: true, value: { current: current.value, proposed: null, sitePolicy } };
  const proposedRaw = readPolicyFile(args.proposed);
  if (!proposedRaw.ok) return proposedRaw;
  const proposed = compilePolicy(proposedRaw.value, 'proposed');
  return proposed.ok ? { ok: true, value: { current: current.value, proposed: proposed.value, sitePolicy } } : proposed;
}

const fieldsOf = (p: Policies): string[] =>
  [...new Set([...policyFieldIds(p.current.spec, BASE_FIELDS), ...(p.proposed ? policyFieldIds(p.proposed.spec, BASE_FIELDS) : [])])].sort();

/** Reads the site: project, policies (the current one possibly from app storage), statuses, issues. */
async function fromSite(args: BacktestArgs, io: Io): Promise<CliResult<{ dataset: Dataset; policies: Policies }>> {
  const site = siteFromEnv(io.env);
  if (!site.ok) return site;
  const project = await readProject(site.value, args.project ?? '');
  if (!project.ok) return project;
  const sitePolicy = args.current === 'site' ? await readSitePolicy(site.value, project.value.key) : { ok: true as const, value: null };
  if (!sitePolicy.ok) return sitePolicy;
  const policies = loadPolicies(args, sitePolicy.value);
  if (!policies.ok) return policies;
  const statuses = await site.value.jira.getStatuses();
  if (!statuses.ok) return { ok: false, error: siteFailure(statuses.error, 'the statuses') };
  const jql = `project = ${project.value.key}${args.jql ? ` AND (${args.jql})` : ''} ORDER BY id ASC`;
  const fieldIds = [...BASE_FIELDS, ...fieldsOf(policies.value)];
  const progress = stderrProgress('Fetching issues', args.quiet);
  const fetched = await fetchIssues(site.value, { jql, fieldIds, cacheDir: args.cacheDir, now: io.now }, progress);
  if (!fetched.ok) return fetched;
  progress.finish(`Fetched ${fetched.value.bundles.length} issues from ${site.value.url}`);
  const dataset: Dataset = {
    format: EXPORT_FORMAT, version: 1, site: site.value.url, project: project.value, jql, fetchedAt: fetched.value.fetchedAt, fieldIds,
    statusCategories: Object.fromEntries(statuses.value.map((s) => [s.id, s.category])), sitePolicy: sitePolicy.value, issues: fetched.value.bundles,
  };
  return { ok: true, value: { dataset, policies: policies.value } };
}

function fromExport(args: BacktestArgs, file: string, io: Io): CliResult<{ dataset: Dataset; policies: Policies }> {
  const dataset = readDataset(file);
  if (!dataset.ok) return dataset;
  if (args.current === 'site' && (dataset.value.sitePolicy === null || dataset.value.sitePolicy === undefined)) {
    return failure('CLI_NO_SITE_POLICY', `${file} holds no policy read from the site: pass the current policy as a file.`);
  }
  const policies = loadPolicies(args, dataset.value.sitePolicy);
  if (!policies.ok) return policies;
  const missing = fieldsOf(policies.value).filter((f) => !dataset.value.fieldIds.includes(f));
  if (missing.length > 0) io.stderr(`warning: the export was fetched without ${missing.join(', ')}; goals that read them see no value\n`);
  return { ok: true, value: { dataset: dataset.value, policies: policies.value } };
}

function output(args: BacktestArgs, dataset: Dataset, policies: Policies, report: BacktestReport, io: Io): CliResult<void> {
  if (args.csv !== null) {
    const changedFile = args.csv.replace(/(\.csv)?$/i, '.changed.csv');
    try {
      const [head, ...rows] = comparisonCsvRows(report);
      writeFileSync(args.csv, toCsv(head ?? [], rows));
      const [changedHead, ...changed] = changedCsvRows(report);
      writeFileSync(changedFile, toCsv(changedHead ?? [], changed));
    } catch (e) {
      return failure('CLI_WRITE_FAILED', `Could not write ${args.csv}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const head = { site: dataset.site, project: dataset.project.key, jql: dataset.jql, fetchedAt: dataset.fetchedAt, evaluatedAt: new Date(report.evaluatedAt).toISOString() };
  const names = { current: policies.current.spec.name, proposed: policies.proposed?.spec.name ?? null };
  const { evaluatedAt: _numeric, ...rest } = report;
  if (args.json) io.stdout(`${JSON.stringify({ ...head, policies: names, ...rest }, null, 2)}\n`);
  else io.stdout(`${dataset.site} ${dataset.project.key}: ${dataset.jql}\nCurrent: ${names.current}${names.proposed ? `   Proposed: ${names.proposed}` : ''}\n\n${formatBacktestTable(report)}\n`);
  return { ok: true, value: undefined };
}

export async function runBacktest(args: BacktestArgs, io: Io): Promise<CliResult<void>> {
  const loaded = args.fromExport !== null ? fromExport(args, args.fromExport, io) : await fromSite(args, io);
  if (!loaded.ok) return loaded;
  const { dataset, policies } = loaded.value;
  if (args.exportTo !== null) {
    const written = writeDataset(args.exportTo, dataset);
    if (!written.ok) return written;
  }
  const now = args.now !== null ? Date.parse(args.now) : Date.parse(dataset.fetchedAt);
  if (!Number.isFinite(now)) return failure('CLI_USAGE', `--now ${args.now ?? ''} is not an ISO instant.`);
  const extra = dataset.fieldIds.filter((f) => !BASE_FIELDS.includes(f));
  const issues = dataset.issues.map((b) => ({ key: b.key, history: mapHistory(b, extra, dataset.statusCategories) }));
  const report = backtest(issues, policies.current, policies.proposed, now, { timeZone: args.timeZone });
  return output(args, dataset, policies, report, io);
}
