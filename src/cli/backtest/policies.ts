/** Policy files, validated exactly as the settings page validates them (same codes and paths). */
import { readFileSync } from 'node:fs';
import { validatePolicy, type CompiledPolicy } from '../../core';
import { failure, type CliResult } from '../errors';

export function compilePolicy(raw: unknown, label: string): CliResult<CompiledPolicy> {
  const result = validatePolicy(raw);
  if (result.ok) return result;
  const details = result.error.map((e) => `${e.code} at ${e.path || '(root)'}: ${e.message}`);
  return failure('CLI_INVALID_POLICY', `The ${label} policy has ${result.error.length} problem(s), as the settings page would report them:`, details);
}

/** A policy JSON, or a saved project configuration around one (`{ version, policy, … }`). */
export function readPolicyFile(file: string): CliResult<unknown> {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const wrapped = typeof raw === 'object' && raw !== null && !('schemaVersion' in raw) && 'policy' in raw;
    return { ok: true, value: wrapped ? (raw as { policy: unknown }).policy : raw };
  } catch (e) {
    return failure('CLI_POLICY_UNREADABLE', `Could not read the policy file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
