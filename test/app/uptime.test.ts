import type { OutageSourceDto } from '@contract';
import { DEFAULT_CREDIT_RULES, type OutageRecord } from '@core';
import {
  deleteOutage, saveOutage, saveRules, statementsFor, uptimeDeleteOutage, uptimeGet, uptimeSaveOutage, uptimeSaveRules, uptimeStatementCsv,
} from '../../src/app/uptime';
import { loadOutageBook, MAX_OUTAGES, saveOutageBook, type OutageBook } from '../../src/store/outages';
import { saveOutageSource } from '../../src/store/outageSource';
import { makeWorld } from '../fakes/world';
import { store } from '../fakes/forgeKvs';

const P = '10000';
const HOUR = 3_600_000;
const MARCH = Date.UTC(2026, 2, 1);
const outage = (over: Partial<OutageRecord> = {}): OutageRecord => ({
  id: 'o1', service: 'API', customer: null, start: MARCH + 24 * HOUR, end: MARCH + 26 * HOUR, description: '', ...over,
});
const input = { service: 'API', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' };
const book = (outages: OutageRecord[]): OutageBook => ({ projectId: P, rev: 1, outages, rules: DEFAULT_CREDIT_RULES });
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);

beforeEach(() => store.reset());

describe('statements of an outage book', () => {
  it('gives one statement per service and one per service and customer, in the order of their JSON keys, each counting its own outages', () => {
    const s = statementsFor(book([outage({ id: 'a', service: 'Web' }), outage({ id: 'b', customer: 'Acme', end: MARCH + 30 * HOUR }), outage({ id: 'c' })]), '2026-03', 'UTC');
    expect(s.map((x) => [x.service, x.customer])).toEqual([['API', 'Acme'], ['API', null], ['Web', null]]);
    expect(s[0]!.downtimeMs).toBe(6 * HOUR);
    expect(s[1]!.downtimeMs).toBe(2 * HOUR);
  });

  it('gives no statement for an empty book or a month that does not parse', () => {
    expect(statementsFor(book([]), '2026-03', 'UTC')).toEqual([]);
    expect(statementsFor(book([outage()]), '2026-13', 'UTC')).toEqual([]);
  });
});

describe('editing the outage book', () => {
  it('adds an outage with a fresh id and moves the book one revision on', async () => {
    const r = await saveOutage(P, 0, { ...input });
    expect(r.ok && r.value.rev).toBe(1);
    const saved = await loadOutageBook(P);
    expect(saved.rev).toBe(1);
    expect(saved.outages).toHaveLength(1);
    expect(r.ok && r.value.value.id).toBe(saved.outages[0]!.id);
  });

  it('replaces an outage in place when the id is known, and refuses an unknown id as NOT_FOUND', async () => {
    const first = await saveOutage(P, 0, { ...input });
    const id = first.ok ? first.value.value.id : '';
    const edited = await saveOutage(P, 1, { ...input, id, service: 'Web' });
    expect(edited.ok && edited.value).toMatchObject({ rev: 2, value: { id, service: 'Web' } });
    expect((await loadOutageBook(P)).outages.map((o) => o.service)).toEqual(['Web']);
    expect(codeOf(await saveOutage(P, 2, { ...input, id: 'gone' }))).toBe('NOT_FOUND');
  });

  it('refuses a stale revision as VERSION_CONFLICT and writes nothing', async () => {
    await saveOutage(P, 0, { ...input });
    expect(codeOf(await saveOutage(P, 0, { ...input }))).toBe('VERSION_CONFLICT');
    expect(codeOf(await saveRules(P, 5, DEFAULT_CREDIT_RULES))).toBe('VERSION_CONFLICT');
    expect((await loadOutageBook(P)).outages).toHaveLength(1);
  });

  it('refuses an invalid outage with the validation issues of the core', async () => {
    const r = await saveOutage(P, 0, { ...input, end: '2026-03-02T09:00:00Z' });
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === 'VALIDATION_FAILED') expect(r.error.issues.length).toBeGreaterThan(0);
    else throw new Error('expected VALIDATION_FAILED');
    expect((await loadOutageBook(P)).rev).toBe(0);
  });

  it(`refuses a new outage beyond ${MAX_OUTAGES} with OUT_LIMIT, but still lets an existing one be edited`, async () => {
    const full = Array.from({ length: MAX_OUTAGES }, (_, i) => outage({ id: `o${i}` }));
    await saveOutageBook({ projectId: P, outages: full, rules: DEFAULT_CREDIT_RULES }, 0);
    const r = await saveOutage(P, 1, { ...input });
    expect(!r.ok && r.error.code === 'VALIDATION_FAILED' && r.error.issues.map((i) => i.code)).toEqual(['OUT_LIMIT']);
    expect(codeOf(await saveOutage(P, 1, { ...input, id: 'o7' }))).toBe('OK');
  });

  it('deletes a known outage and refuses an unknown one as NOT_FOUND', async () => {
    const first = await saveOutage(P, 0, { ...input });
    expect(codeOf(await deleteOutage(P, 1, 'nope'))).toBe('NOT_FOUND');
    const r = await deleteOutage(P, 1, first.ok ? first.value.value.id : '');
    expect(r.ok && r.value).toEqual({ rev: 2, value: null });
    expect((await loadOutageBook(P)).outages).toEqual([]);
  });

  it('saves valid credit rules and refuses invalid ones with their codes', async () => {
    const rules = { targetPercent: 99.5, thresholds: [{ below: 99.5, creditDays: 3 }] };
    expect((await saveRules(P, 0, rules)).ok).toBe(true);
    expect((await loadOutageBook(P)).rules).toEqual(rules);
    const bad = await saveRules(P, 1, { targetPercent: 99.5 });
    expect(!bad.ok && bad.error.code === 'VALIDATION_FAILED' && bad.error.issues[0]!.code).toBe('CRD_MALFORMED');
  });
});

describe('the uptime resolver answers', () => {
  it('map each refused edit to its resolver code and message', async () => {
    const bad = await uptimeSaveOutage(P, { expectedRev: 0, outage: { ...input, end: input.start } });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/problem\(s\) to fix/) });
    expect(!bad.ok && bad.error.details?.length).toBeGreaterThan(0);
    expect(codeOf(await uptimeDeleteOutage(P, { expectedRev: 0, id: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(await uptimeSaveRules(P, { expectedRev: 3, rules: DEFAULT_CREDIT_RULES }))).toBe('VERSION_CONFLICT');
  });

  it('carry the new revision and the saved value on success', async () => {
    const saved = await uptimeSaveOutage(P, { expectedRev: 0, outage: { ...input } });
    expect(saved.ok && saved.value).toMatchObject({ rev: 1, outage: { service: 'API', start: Date.parse(input.start) } });
    expect(await uptimeDeleteOutage(P, { expectedRev: 1, id: saved.ok ? saved.value.outage.id : '' })).toEqual({ ok: true, value: { rev: 2 } });
  });

  it('refuse an unknown time zone as BAD_REQUEST before reading anything', async () => {
    const w = makeWorld();
    expect(codeOf(await uptimeGet(w.deps, 'admin-1', P, true, { month: '2026-03', timeZone: 'Mars/Olympus' }))).toBe('BAD_REQUEST');
    expect(codeOf(await uptimeStatementCsv(w.deps, 'admin-1', P, { service: 'API', customer: null, month: '2026-03', timeZone: 'Nowhere' }))).toBe('BAD_REQUEST');
    expect(w.jira.calls).toEqual([]);
  });

  it('read the book without Jira when the project has no outage source', async () => {
    const w = makeWorld();
    await saveOutageBook({ projectId: P, outages: [outage()], rules: DEFAULT_CREDIT_RULES }, 0);
    const r = await uptimeGet(w.deps, 'admin-1', P, false, { month: '2026-03', timeZone: 'UTC' });
    expect(r.ok && r.value).toMatchObject({ canEdit: false, rev: 1, source: null, issueOutages: [], issueOutagesMore: false });
    expect(r.ok && r.value.statements.map((s) => s.downtimeMs)).toEqual([2 * HOUR]);
    expect(w.jira.calls).toEqual([]);
  });

  it('turn a Jira failure while reading outage issues into a Jira failure code, not a partial answer', async () => {
    const w = makeWorld();
    const source: OutageSourceDto = { issueTypeId: '10100', startFieldId: 'customfield_1', endFieldId: 'customfield_2', service: 'API', serviceFieldId: null, customerFieldId: null };
    await saveOutageSource(P, source);
    w.jira.failNext(() => true, 403);
    expect(codeOf(await uptimeGet(w.deps, 'agent-1', P, false, { month: '2026-03', timeZone: 'UTC' }))).toBe('FORBIDDEN');
  });

  it('name the statement file after service, customer and month with unsafe characters replaced', async () => {
    const w = makeWorld();
    const r = await uptimeStatementCsv(w.deps, 'admin-1', P, { service: 'API v2', customer: 'Acme/EU', month: '2026-03', timeZone: 'UTC' });
    expect(r.ok && r.value.filename).toBe('sla-credit-statement-API_v2-Acme_EU-2026-03.csv');
    expect(codeOf(await uptimeStatementCsv(w.deps, 'admin-1', P, { service: 'API', customer: null, month: '2026-00', timeZone: 'UTC' }))).toBe('BAD_REQUEST');
  });
});
