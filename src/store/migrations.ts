/**
 * Stored configuration migrations. Each entry lifts a record from schemaVersion n to n+1; loading
 * applies them in order, so a config saved by any older app version reads as the current shape.
 * Version 1 is the first schema: the table is empty until the shape changes.
 */
import type { ProjectConfig } from '../contract';
import { err, isRecord, ok, type Result } from '../core';
import type { FiledIssue } from './reportAggregates';

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

export const CURRENT_SCHEMA_VERSION = 1;

/** Keyed by the version a migration upgrades FROM. */
export const MIGRATIONS: Record<number, Migration> = {};

export interface MigrationError {
  code: 'CONFIG_UNREADABLE' | 'CONFIG_FROM_NEWER_APP';
  message: string;
}

export function migrateConfig(raw: unknown, migrations: Record<number, Migration> = MIGRATIONS): Result<ProjectConfig, MigrationError> {
  if (!isRecord(raw) || typeof raw.schemaVersion !== 'number') {
    return err({ code: 'CONFIG_UNREADABLE', message: 'The stored configuration has no schemaVersion.' });
  }
  let current = raw;
  for (let v = raw.schemaVersion; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) return err({ code: 'CONFIG_UNREADABLE', message: `No migration from schemaVersion ${v}.` });
    current = { ...step(current), schemaVersion: v + 1 };
  }
  if (current.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    return err({ code: 'CONFIG_FROM_NEWER_APP', message: `schemaVersion ${String(current.schemaVersion)} is newer than this app.` });
  }
  if (typeof current.version !== 'number' || !isRecord(current.policy)) {
    return err({ code: 'CONFIG_UNREADABLE', message: 'The stored configuration lacks a version or policy.' });
  }
  // The policy itself is re-validated by the engine wherever it is used, so a shape check suffices here.
  return ok(current as unknown as ProjectConfig);
}

/**
 * Report shards were first stored unpacked: `issues` mapped each issue id to its entry object. Such
 * a shard still reads (through this), and the next write to it stores it packed; a reindex of the
 * project rewrites every shard it touches, so no separate rebuild pass is needed.
 */
export function legacyShardIssues(raw: unknown): Array<[string, FiledIssue]> {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).filter((e): e is [string, FiledIssue] => isFiledIssue(e[1]));
}

function isFiledIssue(v: unknown): v is FiledIssue {
  return isRecord(v) && typeof v.k === 'string' && (v.p === null || typeof v.p === 'string') && Array.isArray(v.c);
}
