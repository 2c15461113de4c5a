/** Outages, credit rules and monthly credit statements of a project. */
import { randomUUID } from 'node:crypto';
import type { DataOf, OutageSourceDto, PayloadOf } from '../contract';
import {
  creditStatement, err, isKnownZone, monthBounds, ok, statementCsv, validateCreditRules, validateOutage, type CreditRules, type CreditStatement, type OutageRecord,
} from '../core';
import { loadOutageBook, MAX_OUTAGES, saveOutageBook, type OutageBook } from '../store/outages';
import type { JiraResult } from '../jira/http';
import { loadOutageSource, saveOutageSource } from '../store/outageSource';
import { jiraFailure, refuse, UNKNOWN_ZONE, type Answer } from './answer';
import { RESOLVER_JIRA_BUDGET_MS, type Deps } from './deps';
import { outagesFromIssues, sourceFields } from './outageIssues';

export type BookEdit<T> =
  | { ok: true; rev: number; value: T }
  | { ok: false; code: 'VALIDATION_FAILED'; issues: Array<{ path: string; code: string; message: string }> }
  | { ok: false; code: 'VERSION_CONFLICT' | 'NOT_FOUND' };

/** One statement per service, and per service and customer that has customer outages. */
export function statementsFor(book: OutageBook, month: string, timeZone: string): CreditStatement[] {
  const scopes = new Map<string, { service: string; customer: string | null }>();
  for (const o of book.outages) {
    scopes.set(JSON.stringify([o.service, null]), { service: o.service, customer: null });
    if (o.customer !== null) scopes.set(JSON.stringify([o.service, o.customer]), { service: o.service, customer: o.customer });
  }
  return [...scopes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([, s]) => creditStatement(book.outages, { ...s, month, timeZone }, book.rules) ?? []);
}

async function commit<T>(book: OutageBook, expectedRev: number, change: Partial<OutageBook>, value: T): Promise<BookEdit<T>> {
  if (book.rev !== expectedRev) return { ok: false, code: 'VERSION_CONFLICT' };
  const saved = await saveOutageBook({ projectId: book.projectId, outages: change.outages ?? book.outages, rules: change.rules ?? book.rules }, expectedRev);
  return saved ? { ok: true, rev: expectedRev + 1, value } : { ok: false, code: 'VERSION_CONFLICT' };
}

export async function saveOutage(projectId: string, expectedRev: number, input: { id?: string } & Record<string, unknown>): Promise<BookEdit<OutageRecord>> {
  const book = await loadOutageBook(projectId);
  const existing = input.id === undefined ? -1 : book.outages.findIndex((o) => o.id === input.id);
  if (input.id !== undefined && existing < 0) return { ok: false, code: 'NOT_FOUND' };
  if (existing < 0 && book.outages.length >= MAX_OUTAGES) {
    return { ok: false, code: 'VALIDATION_FAILED', issues: [{ path: '', code: 'OUT_LIMIT', message: `A project keeps at most ${MAX_OUTAGES} outages; delete old ones first.` }] };
  }
  const checked = validateOutage(input, input.id ?? randomUUID());
  if (!checked.ok) return { ok: false, code: 'VALIDATION_FAILED', issues: checked.error };
  const outages = existing < 0 ? [...book.outages, checked.value] : book.outages.map((o, i) => (i === existing ? checked.value : o));
  return commit(book, expectedRev, { outages }, checked.value);
}

export async function deleteOutage(projectId: string, expectedRev: number, id: string): Promise<BookEdit<null>> {
  const book = await loadOutageBook(projectId);
  if (!book.outages.some((o) => o.id === id)) return { ok: false, code: 'NOT_FOUND' };
  return commit(book, expectedRev, { outages: book.outages.filter((o) => o.id !== id) }, null);
}

export async function saveRules(projectId: string, expectedRev: number, input: unknown): Promise<BookEdit<CreditRules>> {
  const checked = validateCreditRules(input);
  if (!checked.ok) return { ok: false, code: 'VALIDATION_FAILED', issues: checked.error };
  return commit(await loadOutageBook(projectId), expectedRev, { rules: checked.value }, checked.value);
}

/** The month's outages read from issues as the viewer, when the project has a source; none otherwise. */
async function issueOutages(deps: Deps, accountId: string, projectId: string, month: string, timeZone: string): Promise<JiraResult<{ source: OutageSourceDto | null; outages: OutageRecord[]; more: boolean }>> {
  const source = await loadOutageSource(projectId);
  const bounds = monthBounds(month, timeZone);
  if (source === null || bounds === null) return ok({ source, outages: [], more: false });
  const read = await outagesFromIssues(deps.userJira(accountId), projectId, source, bounds.start, bounds.end);
  return read.ok ? ok({ source, ...read.value }) : read;
}

/** Recorded outages and those read from issues, together: the core counts overlapping outages once. */
export async function uptimeGet(deps: Deps, accountId: string, projectId: string, canEdit: boolean, p: PayloadOf<'uptime.get'>): Promise<Answer<DataOf<'uptime.get'>>> {
  if (!isKnownZone(p.timeZone)) return UNKNOWN_ZONE;
  const book = await loadOutageBook(projectId);
  const fromIssues = await issueOutages(deps, accountId, projectId, p.month, p.timeZone);
  if (!fromIssues.ok) return err(jiraFailure(fromIssues.error));
  const { source, outages, more } = fromIssues.value;
  const statements = statementsFor({ ...book, outages: [...book.outages, ...outages] }, p.month, p.timeZone);
  return ok({ canEdit, rev: book.rev, outages: book.outages, rules: book.rules, statements, source, issueOutages: outages, issueOutagesMore: more });
}

export async function uptimeSaveSource(projectId: string, p: PayloadOf<'uptime.saveSource'>): Promise<Answer<DataOf<'uptime.saveSource'>>> {
  await saveOutageSource(projectId, p.source);
  return ok({ source: p.source });
}

export async function uptimeSourceFields(deps: Deps, projectId: string): Promise<Answer<DataOf<'uptime.sourceFields'>>> {
  const r = await sourceFields(deps.appJira(RESOLVER_JIRA_BUDGET_MS), projectId);
  return r.ok ? ok(r.value) : err(jiraFailure(r.error));
}

/** An edit's outcome as the resolver answers it. */
function answered<T, D>(r: BookEdit<T>, data: (rev: number, value: T) => D): Answer<D> {
  if (r.ok) return ok(data(r.rev, r.value));
  if (r.code === 'VALIDATION_FAILED') return refuse('VALIDATION_FAILED', `${r.issues.length} problem(s) to fix.`, r.issues);
  if (r.code === 'NOT_FOUND') return refuse('NOT_FOUND', 'That outage no longer exists.');
  return refuse('VERSION_CONFLICT', 'Someone else changed the outages meanwhile; reload and try again.');
}

export async function uptimeSaveOutage(projectId: string, p: PayloadOf<'uptime.saveOutage'>): Promise<Answer<DataOf<'uptime.saveOutage'>>> {
  return answered(await saveOutage(projectId, p.expectedRev, { ...p.outage }), (rev, outage) => ({ rev, outage }));
}

export async function uptimeDeleteOutage(projectId: string, p: PayloadOf<'uptime.deleteOutage'>): Promise<Answer<DataOf<'uptime.deleteOutage'>>> {
  return answered(await deleteOutage(projectId, p.expectedRev, p.id), (rev) => ({ rev }));
}

export async function uptimeSaveRules(projectId: string, p: PayloadOf<'uptime.saveRules'>): Promise<Answer<DataOf<'uptime.saveRules'>>> {
  return answered(await saveRules(projectId, p.expectedRev, p.rules), (rev, rules) => ({ rev, rules }));
}

export async function uptimeStatementCsv(deps: Deps, accountId: string, projectId: string, p: PayloadOf<'uptime.statementCsv'>): Promise<Answer<DataOf<'uptime.statementCsv'>>> {
  if (!isKnownZone(p.timeZone)) return UNKNOWN_ZONE;
  const book = await loadOutageBook(projectId);
  const fromIssues = await issueOutages(deps, accountId, projectId, p.month, p.timeZone);
  if (!fromIssues.ok) return err(jiraFailure(fromIssues.error));
  const s = creditStatement([...book.outages, ...fromIssues.value.outages], { service: p.service, customer: p.customer, month: p.month, timeZone: p.timeZone }, book.rules);
  if (s === null) return refuse('BAD_REQUEST', 'The month is not valid.');
  const who = p.customer === null ? p.service : `${p.service}-${p.customer}`;
  return ok({ filename: `sla-credit-statement-${who.replace(/[^A-Za-z0-9._-]+/g, '_')}-${p.month}.csv`, csv: statementCsv(s) });
}
