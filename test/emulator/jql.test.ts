/**
 * The JQL subset: operators, precedence, property aliases from the manifest, dates, ordering, and
 * a clear refusal for anything not emulated.
 */
import { STATUS, USERS } from '../../emulator/jira/catalog';
import { call, createIssue, teardown, testEmulator } from './helpers';
import type { Emulator } from '../../emulator/app';

afterEach(teardown);

function keys(emu: Emulator, jql: string): string[] {
  const res = call(emu, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 100 });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (res.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key).sort();
}

function errorOf(emu: Emulator, jql: string): string {
  const res = call(emu, 'POST', '/rest/api/3/search/jql', { jql });
  expect(res.status).toBe(400);
  return (res.body as { errorMessages: string[] }).errorMessages.join(' ');
}

function site(): Emulator {
  const emu = testEmulator();
  const a = createIssue(emu, { priority: { name: 'High' }, labels: ['vip'] });
  const b = createIssue(emu, { priority: { name: 'Low' } });
  const c = createIssue(emu, { priority: { name: 'Medium' }, customfield_10042: { value: 'Severity A' } });
  const issue = (k: string) => emu.site.issue(k)!;
  emu.site.transition(issue(b.key), STATUS.resolved, { accountId: USERS.agentAna, self: false });
  issue(a.key).properties.sla = { ttr: { state: 'breached', remainingMins: -30, dueAt: '2026-01-01T10:00:00Z' } };
  issue(c.key).properties.sla = { ttr: { state: 'running', remainingMins: 45, dueAt: '2099-01-01T10:00:00Z' } };
  return emu;
}

describe('JQL search', () => {
  it('matches by project, status category and resolution emptiness', () => {
    const emu = site();
    expect(keys(emu, 'project = SUP AND resolution is EMPTY')).toEqual(['SUP-1', 'SUP-3']);
    expect(keys(emu, 'project = SUP AND statusCategory = Done')).toEqual(['SUP-2']);
    expect(keys(emu, 'project = SUP AND resolution IS NOT EMPTY')).toEqual(['SUP-2']);
  });

  it('gives AND precedence over OR and honours parentheses and NOT', () => {
    const emu = site();
    expect(keys(emu, 'priority = High OR priority = Low AND resolution is EMPTY')).toEqual(['SUP-1']);
    expect(keys(emu, '(priority = High OR priority = Low) AND resolution is not EMPTY')).toEqual(['SUP-2']);
    expect(keys(emu, 'project = SUP AND NOT priority IN (High, Low)')).toEqual(['SUP-3']);
    expect(keys(emu, 'project = SUP AND priority NOT IN (High)')).toEqual(['SUP-2', 'SUP-3']);
  });

  it('searches the indexed property aliases declared in manifest.yml, and their full form', () => {
    const emu = site();
    expect(keys(emu, 'slaResolutionState = "breached"')).toEqual(['SUP-1']);
    expect(keys(emu, 'slaResolutionRemaining < 60')).toEqual(['SUP-1', 'SUP-3']);
    expect(keys(emu, 'slaResolutionDue < now()')).toEqual(['SUP-1']);
    expect(keys(emu, "issue.property['sla'].ttr.state = running")).toEqual(['SUP-3']);
  });

  it('never matches an empty field with != (as Jira)', () => {
    const emu = site();
    expect(keys(emu, 'project = SUP AND slaResolutionState != "breached"')).toEqual(['SUP-3']);
  });

  it('reads labels, Severity by name and relative dates', () => {
    const emu = site();
    expect(keys(emu, 'labels = vip')).toEqual(['SUP-1']);
    expect(keys(emu, 'Severity = "Severity A"')).toEqual(['SUP-3']);
    expect(keys(emu, 'project = SUP AND created > -1d')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(keys(emu, 'project = SUP AND created < "2020-01-01"')).toEqual([]);
  });

  it('accepts quoted relative dates the way Jira does, with the sign applying to the whole period', () => {
    const emu = site();
    expect(keys(emu, 'project = SUP AND created >= "-1d"')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(keys(emu, "project = SUP AND created >= '-4w 2d'")).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(keys(emu, 'project = SUP AND created >= "+2h"')).toEqual([]);
    expect(keys(emu, 'slaResolutionDue <= "+2h"')).toEqual(keys(emu, 'slaResolutionDue <= 2h'));
    expect(errorOf(emu, 'created >= "-1x"')).toMatch(/not valid/);
  });

  it('orders by an alias with empty values last', () => {
    const emu = site();
    const res = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP ORDER BY slaResolutionRemaining ASC', fields: ['key'] });
    expect((res.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toEqual(['SUP-1', 'SUP-3', 'SUP-2']);
  });

  it('refuses what it does not emulate with a message naming it', () => {
    const emu = site();
    expect(errorOf(emu, 'sprint in openSprints()')).toMatch(/not emulated: the JQL field 'sprint'/);
    expect(errorOf(emu, 'summary ~ printer')).toMatch(/not emulated/);
    expect(errorOf(emu, 'status was Open')).toMatch(/not emulated: the WAS operator/);
    expect(errorOf(emu, "issue.property['sla'].secret = 1")).toMatch(/not declared/);
  });

  it('rejects unbounded and malformed queries', () => {
    const emu = site();
    expect(errorOf(emu, '')).toMatch(/Unbounded/);
    expect(errorOf(emu, 'project = (SUP')).toMatch(/JQL/);
  });

  it('pages with nextPageToken until the last page', () => {
    const emu = site();
    const first = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', maxResults: 2 }).body as { issues: unknown[]; nextPageToken?: string };
    expect(first.issues).toHaveLength(2);
    const second = call(emu, 'POST', '/rest/api/3/search/jql', { jql: 'project = SUP', maxResults: 2, nextPageToken: first.nextPageToken }).body as { issues: unknown[]; nextPageToken?: string };
    expect(second.issues).toHaveLength(1);
    expect(second.nextPageToken).toBeUndefined();
  });
});
