/**
 * The one resolver both UIs call. Every key runs the same pipeline: trusted caller from the context,
 * payload parsed against its schema, authorisation as the caller, then one use-case of src/app whose
 * answer becomes the typed envelope. Unexpected exceptions (bugs) become INTERNAL and are logged, never leaked.
 */
import Resolver from '@forge/resolver';
import { RESOLVER_KEYS, type DataOf, type Envelope, type PayloadOf, type ResolverKey } from '../../contract';
import type { Answer } from '../../app/answer';
import type { Deps } from '../../app/deps';
import { customerPanelSla } from '../../app/customerPanel';
import { panelSla } from '../../app/panel';
import * as analysis from '../../app/analysis';
import * as settings from '../../app/settings';
import { removeProjectData } from '../../app/removeData';
import { explainGet } from '../../app/explain';
import { gadgetOptions, gadgetView } from '../../app/gadget';
import { reportCsv, reportGet, reportOptions } from '../../app/reportView';
import * as uptime from '../../app/uptime';
import { issueAccess, PermissionCache, projectAccess } from './auth';
import { callerOf, fail, failed, toEnvelope, type CallerContext } from './envelope';
import { parsePayload, PAYLOADS } from './payloads';

/** `gadgetRead`: browse the project the gadget's configuration names (a dashboard has no project context). */
type Guard = 'issue' | 'projectRead' | 'projectAdmin' | 'gadgetRead';

/**
 * The only key a customer may call: everything else (explanations, settings, reports) carries
 * internal names, even where Jira would let a customer browse the project.
 */
const CUSTOMER_KEYS: ReadonlySet<ResolverKey> = new Set(['panel.getSla']);

interface Ctx {
  deps: Deps;
  caller: CallerContext;
  projectId: string;
  canEdit: boolean;
}

type Handler<K extends ResolverKey> = (p: PayloadOf<K>, c: Ctx) => Promise<Answer<DataOf<K>>> | Answer<DataOf<K>>;
type Table = { [K in ResolverKey]: { guard: Guard; run: Handler<K> } };

const TABLE: Table = {
  'panel.getSla': { guard: 'issue', run: (p, c) => (c.caller.isCustomer ? customerPanelSla : panelSla)(c.deps, p.issueId, c.caller.projectId) },
  'settings.getConfig': { guard: 'projectRead', run: (_p, c) => settings.getConfig(c.projectId, c.canEdit) },
  'settings.setCustomerView': { guard: 'projectAdmin', run: (p, c) => settings.setCustomerView(c.projectId, p.show) },
  'settings.validate': { guard: 'projectAdmin', run: (p) => settings.validate(p.policy) },
  'settings.save': { guard: 'projectAdmin', run: (p, c) => settings.save(c.deps, c.projectId, c.caller.accountId, p) },
  'settings.metadata': { guard: 'projectAdmin', run: (_p, c) => settings.metadata(c.deps, c.projectId) },
  'settings.presets': { guard: 'projectAdmin', run: () => settings.presets() },
  'settings.applyPreset': { guard: 'projectAdmin', run: (p, c) => settings.applyPreset(c.deps, c.projectId, p.presetId) },
  'settings.holidays': { guard: 'projectAdmin', run: (p) => settings.holidays(p) },
  'settings.preview': { guard: 'projectAdmin', run: (p, c) => settings.preview(c.deps, p) },
  'settings.recomputeProgress': { guard: 'projectAdmin', run: (_p, c) => settings.recomputeProgress(c.projectId) },
  'settings.coverage': { guard: 'projectAdmin', run: (p, c) => analysis.coverage(c.deps, p) },
  'settings.whatIf': { guard: 'projectAdmin', run: (p, c) => analysis.whatIf(c.deps, c.projectId, p) },
  'settings.removeData': { guard: 'projectAdmin', run: (_p, c) => removeProjectData(c.deps, c.projectId) },
  'report.options': { guard: 'projectRead', run: (_p, c) => reportOptions(c.deps, c.projectId, c.canEdit) },
  'report.get': { guard: 'projectRead', run: (p, c) => reportGet(c.deps, c.caller.accountId, c.projectId, p) },
  'report.csv': { guard: 'projectRead', run: (p, c) => reportCsv(c.deps, c.caller.accountId, c.projectId, p) },
  'explain.get': { guard: 'issue', run: (p, c) => explainGet(c.deps, p, c.caller.projectId) },
  'uptime.get': { guard: 'projectRead', run: (p, c) => uptime.uptimeGet(c.deps, c.caller.accountId, c.projectId, c.canEdit, p) },
  'uptime.saveOutage': { guard: 'projectAdmin', run: (p, c) => uptime.uptimeSaveOutage(c.projectId, p) },
  'uptime.deleteOutage': { guard: 'projectAdmin', run: (p, c) => uptime.uptimeDeleteOutage(c.projectId, p) },
  'uptime.saveRules': { guard: 'projectAdmin', run: (p, c) => uptime.uptimeSaveRules(c.projectId, p) },
  'uptime.statementCsv': { guard: 'projectRead', run: (p, c) => uptime.uptimeStatementCsv(c.deps, c.caller.accountId, c.projectId, p) },
  'uptime.saveSource': { guard: 'projectAdmin', run: (p, c) => uptime.uptimeSaveSource(c.projectId, p) },
  'uptime.sourceFields': { guard: 'projectAdmin', run: (_p, c) => uptime.uptimeSourceFields(c.deps, c.projectId) },
  'gadget.options': { guard: 'gadgetRead', run: (_p, c) => gadgetOptions(c.projectId) },
  'gadget.get': { guard: 'gadgetRead', run: (p, c) => gadgetView(c.deps, c.caller.accountId, { ...p, projectId: c.projectId }) },
};

async function authorise(deps: Deps, cache: PermissionCache, guard: Guard, caller: CallerContext, payload: unknown) {
  if (guard === 'issue') return issueAccess(deps, cache, caller, (payload as { issueId: string }).issueId);
  // The payload's project only narrows: the viewer must be able to browse it, asked as the viewer.
  if (guard === 'gadgetRead') return projectAccess(deps, cache, { ...caller, projectId: (payload as { projectId: string }).projectId }, true);
  return projectAccess(deps, cache, caller, guard === 'projectRead');
}

async function dispatch<K extends ResolverKey>(deps: Deps, cache: PermissionCache, key: K, payload: unknown, context: unknown): Promise<Envelope<DataOf<K>>> {
  const caller = callerOf(context);
  if (!caller) return fail('FORBIDDEN', 'No signed-in user.');
  if (caller.isCustomer && !CUSTOMER_KEYS.has(key)) return fail('FORBIDDEN', 'This is for agents and admins only.');
  const parsed = parsePayload(PAYLOADS[key], payload);
  if (!parsed.ok) return fail('BAD_REQUEST', parsed.error);
  const entry = TABLE[key] as { guard: Guard; run: Handler<K> };
  const access = await authorise(deps, cache, entry.guard, caller, parsed.value);
  if (!access.ok) return failed(access.error);
  const { projectId, canEdit } = access.value;
  return toEnvelope(await entry.run(parsed.value as PayloadOf<K>, { deps, caller, projectId, canEdit }));
}

type Definitions = ReturnType<Resolver['getDefinitions']>;

/**
 * Only the table's own keys reach the resolver library: it looks keys up with `in`, so `constructor`
 * would call Object's constructor with the whole request (context included) and echo it back, and
 * `__proto__` or `valueOf` would throw an uncoded TypeError.
 */
function ownKeysOnly(definitions: Definitions): Definitions {
  return async (invocation, runtime) => {
    const key: unknown = (invocation as { call?: { functionKey?: unknown } } | undefined)?.call?.functionKey;
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(TABLE, key)) return fail('NOT_FOUND', 'There is no such resolver function.');
    return definitions(invocation, runtime);
  };
}

/** Builds the resolver handler (`getDefinitions()`) over the given dependencies. */
export function buildResolver(deps: Deps, cache = new PermissionCache(deps.now)) {
  const resolver = new Resolver();
  for (const key of RESOLVER_KEYS) {
    resolver.define(key, async ({ payload, context }) => {
      try {
        return await dispatch(deps, cache, key, payload, context);
      } catch (e) {
        deps.log.error('Resolver failed', { key, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        return fail('INTERNAL', 'Something went wrong in SLA Clock; the error was logged.');
      }
    });
  }
  return ownKeysOnly(resolver.getDefinitions());
}

export { TABLE as RESOLVER_TABLE };
