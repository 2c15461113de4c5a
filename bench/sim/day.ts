/**
 * A working day (08:00–16:00 simulated) of issue activity on the seeded project, through the emulated
 * site so every change emits the product event Jira would: agents move issues, customers and agents
 * comment, priorities change, a few issues are created and some resolved. The scheduled sweep runs
 * every five minutes meanwhile. Deterministic.
 */
import { STATUS, USERS } from '../../emulator/jira/catalog';
import { SEVERITY_FIELD_ID, type Issue } from '../../emulator/jira/model';
import { rng } from '../rng';
import { PROJECT } from './seed';
import type { SimWorld } from './world';

const DAY_MS = 8 * 60 * 60_000;
const SWEEP_MS = 5 * 60_000;

export interface DayResult { events: number; created: number; sweeps: number }

function act(world: SimWorld, issue: Issue, r: () => number): void {
  const agent = { accountId: issue.fields.assignee ?? USERS.agentAna, self: false };
  const customer = { accountId: issue.fields.reporter, self: false };
  const x = r();
  const s = issue.fields.status;
  if (x < 0.3) world.site.addComment(issue, 'Update', r() < 0.8, r() < 0.5 ? agent : customer);
  else if (x < 0.45) world.site.editIssue(issue, { priority: ['2', '3', '4'][Math.floor(r() * 3)] ?? '3' }, agent);
  else if (s === STATUS.waitingForSupport || s === STATUS.waitingForCustomer) world.site.transition(issue, STATUS.inProgress, agent);
  else if (s === STATUS.inProgress) world.site.transition(issue, r() < 0.5 ? STATUS.waitingForCustomer : STATUS.resolved, agent);
  else world.site.transition(issue, STATUS.waitingForSupport, customer);
}

export async function dayOfEvents(world: SimWorld, events: number, creates: number): Promise<DayResult> {
  const r = rng(7);
  const start = world.clock.now();
  const open = world.site.data.issues.filter((i) => i.projectId === PROJECT.id && i.fields.resolution === null);
  const recent = world.site.data.issues.slice(-Math.max(10, Math.round(world.site.data.issues.length / 50)));
  const plan = Array.from({ length: events + creates }, (_, k) => ({ at: start + Math.round(r() * DAY_MS), create: k < creates })).sort((a, b) => a.at - b.at);
  let nextSweep = start + SWEEP_MS;
  let sweeps = 0;
  for (const step of plan) {
    while (nextSweep <= step.at) {
      world.clock.advance(Math.max(0, nextSweep - world.clock.now()));
      await world.sweep();
      await world.drain(nextSweep + SWEEP_MS);
      sweeps++;
      nextSweep += SWEEP_MS;
    }
    if (step.at > world.clock.now()) world.clock.advance(step.at - world.clock.now());
    if (step.create) {
      const issue = world.site.createIssue(PROJECT.id, { summary: 'New request', issuetype: '10100', priority: '3', reporter: USERS.customerDan, custom: { [SEVERITY_FIELD_ID]: '10201' } }, { accountId: USERS.customerDan, self: false });
      open.push(issue);
    } else {
      const pool = r() < 0.85 && open.length ? open : recent;
      const issue = pool[Math.floor(r() * pool.length)];
      if (issue && world.site.issue(issue.id)) act(world, issue, r);
    }
    await world.runTriggers();
    await world.drain(world.clock.now());
  }
  world.clock.advance(Math.max(0, start + DAY_MS - world.clock.now()));
  return { events, created: creates, sweeps };
}
