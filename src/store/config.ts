/**
 * Project configuration in the Custom Entity Store, one entity per project.
 *
 * Why the entity store and not a plain KVS key: plain KVS has no compare-and-set, so two admins
 * saving at once would silently overwrite each other. Entity-store transactions accept conditions,
 * so an update is written only if the stored `version` still equals the version the admin edited
 * (`expectedVersion`); the first save uses FAIL_IF_EXISTS. A failed write is re-read to tell a real
 * conflict (VERSION_CONFLICT) from a platform error (thrown: a bug or outage, not an expected case).
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { ProjectConfig } from '../contract';
import { err, ok, type PolicySpec, type Result } from '../core';
import { migrateConfig } from './migrations';

export const CONFIG_ENTITY = 'sla-config';

/** Stored entity value: `version` duplicated as an attribute so transactions can condition on it. */
export interface ConfigRecord {
  projectId: string;
  version: number;
  config: unknown;
}

/** Someone else saved since the admin loaded the configuration. */
export interface VersionConflict {
  code: 'VERSION_CONFLICT';
  currentVersion: number;
}

const keyOf = (projectId: string) => `project-${projectId}`;

async function readRecord(projectId: string): Promise<ConfigRecord | undefined> {
  return kvs.entity<ConfigRecord>(CONFIG_ENTITY).get(keyOf(projectId));
}

/** The project's configuration, migrated to the current schema; null when never saved or unreadable. */
export async function loadConfig(projectId: string): Promise<ProjectConfig | null> {
  const rec = await readRecord(projectId);
  if (!rec) return null;
  const migrated = migrateConfig(rec.config);
  return migrated.ok ? migrated.value : null;
}

/** True when a record exists, readable or not: an unreadable one must not be mistaken for "not configured". */
export async function hasConfigRecord(projectId: string): Promise<boolean> {
  return (await readRecord(projectId)) !== undefined;
}

export interface SaveRequest {
  projectId: string;
  policy: PolicySpec;
  expectedVersion: number;
  updatedBy: string;
  updatedAt: string;
}

export async function saveConfig(req: SaveRequest): Promise<Result<ProjectConfig, VersionConflict>> {
  const version = req.expectedVersion + 1;
  const config: ProjectConfig = { schemaVersion: 1, version, updatedBy: req.updatedBy, updatedAt: req.updatedAt, policy: req.policy };
  const record: ConfigRecord = { projectId: req.projectId, version, config };
  try {
    await writeConditionally(req.projectId, record, req.expectedVersion);
    return ok(config);
  } catch (e) {
    const current = (await readRecord(req.projectId))?.version ?? 0;
    if (current !== req.expectedVersion) return err({ code: 'VERSION_CONFLICT', currentVersion: current });
    throw e;
  }
}

async function writeConditionally(projectId: string, record: ConfigRecord, expectedVersion: number): Promise<void> {
  const key = keyOf(projectId);
  if (expectedVersion === 0) {
    await kvs.entity<ConfigRecord>(CONFIG_ENTITY).set(key, record, { keyPolicy: 'FAIL_IF_EXISTS' });
    return;
  }
  const sameVersion = new Filter<ConfigRecord>().and('version', FilterConditions.equalTo(expectedVersion));
  await kvs.transact().set(key, record, { entityName: CONFIG_ENTITY, conditions: sameVersion }).execute();
}
