/**
 * The handler table: exactly the functions manifest.yml names, bound to production dependencies.
 * Logic lives in src/handlers; this file only wires it. Dependencies and the resolver are built on
 * first use and kept for the life of a warm runtime (the permission cache relies on that).
 */
import { handleRecompute, type ConsumerEvent } from './handlers/consumer';
import { productionDeps, type Deps } from './handlers/deps';
import { handleIssueEvent } from './handlers/issueEvents';
import { buildResolver } from './handlers/resolver';
import { runSweep } from './handlers/sweep';

type ResolverHandler = ReturnType<typeof buildResolver>;

let deps: Deps | undefined;
let resolver: ResolverHandler | undefined;
const live = (): Deps => (deps ??= productionDeps());

/** jira:issuePanel and jira:projectSettingsPage resolver (function `resolver`). */
export const resolverHandler: ResolverHandler = (request, runtime) => (resolver ??= buildResolver(live()))(request, runtime);

/** Product-event trigger (function `issue-events`). */
export const onIssueEvent = (event: unknown) => handleIssueEvent(live(), event);

/** Consumer of the `sla-recompute` queue (function `recompute`). */
export const recomputeConsumer = (event: ConsumerEvent) => handleRecompute(live(), event);

/** fiveMinute scheduled trigger (function `sweep`); Forge expects a 204-style answer. */
export async function sweepDue(): Promise<{ statusCode: number }> {
  await runSweep(live());
  return { statusCode: 204 };
}
