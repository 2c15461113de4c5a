/**
 * Reads manifest.yml into what the emulator wires: functions, product triggers, scheduled
 * triggers, preUninstall triggers, queue consumers, UI modules with their resources and resolvers, indexed entity
 * properties (for JQL) and Custom Entity Store indexes. Parsed leniently: the offline validator
 * (@forge/manifest) is the judge of correctness; this only needs the shape.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { IndexedType, PropertyIndex } from '../jira/jql/values';

const fn = z.object({ key: z.string(), handler: z.string() });
const trigger = z.object({
  key: z.string(), function: z.string(),
  events: z.array(z.union([z.string(), z.object({ eventType: z.string() }).transform((e) => e.eventType)])),
  filter: z.object({ ignoreSelf: z.boolean().optional(), expression: z.string().optional() }).partial().optional(),
});
const scheduled = z.object({ key: z.string(), function: z.string(), interval: z.string() });
const lifecycle = z.object({ key: z.string(), function: z.string() });
const consumer = z.object({ key: z.string(), queue: z.string(), function: z.string().optional(), resolver: z.object({ function: z.string() }).optional() });
const uiModule = z.object({ key: z.string(), resource: z.string(), title: z.unknown().optional(), resolver: z.object({ function: z.string() }).optional() });
const entityProperty = z.object({
  key: z.string(), entityType: z.string().optional(), propertyKey: z.string(),
  values: z.array(z.object({ path: z.string(), type: z.string(), searchAlias: z.string().optional() })),
});
const entityIndex = z.union([z.string(), z.object({ name: z.string(), range: z.array(z.string()), partition: z.array(z.string()).optional() })]);

const manifestSchema = z.object({
  app: z.object({
    storage: z.object({ entities: z.array(z.object({ name: z.string(), indexes: z.array(entityIndex).optional() })).optional() }).optional(),
  }).passthrough(),
  modules: z.object({
    function: z.array(fn).default([]),
    trigger: z.array(trigger).default([]),
    scheduledTrigger: z.array(scheduled).default([]),
    preUninstall: z.array(lifecycle).default([]),
    consumer: z.array(consumer).default([]),
    'jira:issuePanel': z.array(uiModule).default([]),
    'jira:issueContext': z.array(uiModule).default([]),
    'jira:projectSettingsPage': z.array(uiModule).default([]),
    'jira:projectPage': z.array(uiModule).default([]),
    'jira:dashboardGadget': z.array(uiModule).default([]),
    'jira:entityProperty': z.array(entityProperty).default([]),
  }).passthrough(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
});

export type UiModuleType = 'jira:issuePanel' | 'jira:issueContext' | 'jira:projectSettingsPage' | 'jira:projectPage' | 'jira:dashboardGadget';

export interface EntityIndexDef { name: string; range: string[]; partition: string[] }

export interface AppManifest {
  functions: Map<string, { file: string; exportName: string }>;
  triggers: Array<{ key: string; functionKey: string; events: string[]; ignoreSelf: boolean; expression: string | null }>;
  scheduled: Array<{ key: string; functionKey: string; intervalMs: number }>;
  /** `preUninstall` lifecycle triggers: run by the control API's uninstall. */
  preUninstall: Array<{ key: string; functionKey: string }>;
  consumers: Array<{ key: string; queue: string; functionKey: string }>;
  uiModules: Array<{ key: string; type: UiModuleType; resourcePath: string; resolverFunction: string | null }>;
  propertyIndexes: PropertyIndex[];
  entityIndexes: Map<string, EntityIndexDef[]>;
}

const INTERVAL_MS: Record<string, number> = { fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
const INDEXED_TYPES: IndexedType[] = ['string', 'number', 'date', 'text', 'user'];

export function loadManifest(path: string): AppManifest {
  return parseManifest(readFileSync(path, 'utf8'));
}

export function parseManifest(text: string): AppManifest {
  const m = manifestSchema.parse(parse(text));
  const resources = new Map(m.resources.map((r) => [r.key, r.path]));
  const functions = new Map(m.modules.function.map((f) => {
    const dot = f.handler.lastIndexOf('.');
    return [f.key, { file: f.handler.slice(0, dot), exportName: f.handler.slice(dot + 1) }];
  }));
  const ui = (type: UiModuleType) => m.modules[type].map((u) => ({
    key: u.key, type, resourcePath: resources.get(u.resource) ?? '', resolverFunction: u.resolver?.function ?? null,
  }));
  return {
    functions,
    triggers: m.modules.trigger.map((t) => ({ key: t.key, functionKey: t.function, events: t.events, ignoreSelf: t.filter?.ignoreSelf === true, expression: t.filter?.expression ?? null })),
    scheduled: m.modules.scheduledTrigger.map((s) => ({ key: s.key, functionKey: s.function, intervalMs: INTERVAL_MS[s.interval] ?? 300_000 })),
    preUninstall: m.modules.preUninstall.map((p) => ({ key: p.key, functionKey: p.function })),
    consumers: m.modules.consumer.map((c) => ({ key: c.key, queue: c.queue, functionKey: c.function ?? c.resolver?.function ?? '' })),
    uiModules: [...ui('jira:issuePanel'), ...ui('jira:issueContext'), ...ui('jira:projectSettingsPage'), ...ui('jira:projectPage'), ...ui('jira:dashboardGadget')],
    propertyIndexes: m.modules['jira:entityProperty'].filter((e) => (e.entityType ?? 'issue') === 'issue').flatMap((e) => e.values.map((v) => ({
      propertyKey: e.propertyKey, path: v.path, alias: v.searchAlias ?? null,
      type: (INDEXED_TYPES as string[]).includes(v.type) ? (v.type as IndexedType) : 'string',
    }))),
    entityIndexes: new Map((m.app.storage?.entities ?? []).map((e) => [e.name, (e.indexes ?? []).map((ix): EntityIndexDef =>
      typeof ix === 'string' ? { name: ix, range: [ix], partition: [] } : { name: ix.name, range: ix.range, partition: ix.partition ?? [] })])),
  };
}
