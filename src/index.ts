/**
 * The handler table: exactly the functions manifest.yml names, bound to production dependencies.
 * Entry points live in src/handlers, use-cases in src/app; this file only wires them. Dependencies and the resolver are built on
 * first use and kept for the life of a warm runtime (the permission cache relies on that).
 */
import type { Deps } from './app/deps';
import { handleRecompute, type ConsumerEvent } from './handlers/consumer';
import { handleIssueEvent } from './handlers/issueEvents';
import { handlePreUninstall } from './handlers/preUninstall';
import { handleReconcile } from './handlers/reconcile';
import { buildResolver } from './handlers/resolver';
import { handleSweep } from './handlers/sweep';
import { productionDeps } from './wiring';

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
export const sweepDue = (): Promise<{ statusCode: number }> => handleSweep(live());

/** Hourly scheduled trigger (function `reconcile`): repairs stored SLA state that events failed to update. */
export const reconcileStored = (): Promise<{ statusCode: number }> => handleReconcile(live());

/** preUninstall lifecycle trigger (function `pre-uninstall`): removes the `sla` issue properties; never throws. */
export const preUninstall = (): Promise<void> => handlePreUninstall(live);
