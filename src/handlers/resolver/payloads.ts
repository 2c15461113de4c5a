/**
 * Payload schemas per resolver key, with size caps. Policies are parsed as `unknown` here and
 * validated by the engine, which reports field-level issues with JSON paths.
 */
import { z } from 'zod';
import { REMOVE_DATA_CONFIRMATION, RESOLVED_ALL, type ResolverKey } from '../../contract';
import { err, ok, type Result } from '../../core';
import { REPORT_PAYLOADS } from './reportPayloads';

/** A policy with calendars and holidays fits easily; anything larger is abuse or a bug. */
export const MAX_POLICY_BYTES = 200 * 1024;
const MAX_PAYLOAD_BYTES = 256 * 1024;

/** Bytes of the value as JSON; Infinity when JSON cannot encode it (nested too deep for the stack). */
function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return Infinity;
  }
}

const policy = z.unknown().refine((p) => p !== undefined && jsonBytes(p) <= MAX_POLICY_BYTES, {
  message: `policy must be present and at most ${MAX_POLICY_BYTES / 1024} KB of JSON`,
});
const id = z.string().min(1).max(64);
const empty = z.object({});

export const PAYLOADS = {
  'panel.getSla': z.object({ issueId: id }),
  'settings.getConfig': empty,
  'settings.setCustomerView': z.object({ show: z.boolean() }),
  'settings.validate': z.object({ policy }),
  'settings.save': z.object({
    policy,
    expectedVersion: z.number().int().min(0),
    recomputeResolvedSince: z.union([z.literal(RESOLVED_ALL), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).nullable().optional(),
  }),
  'settings.metadata': empty,
  'settings.presets': empty,
  'settings.applyPreset': z.object({ presetId: id }),
  'settings.holidays': z.object({
    country: z.string().max(8).optional(),
    state: z.string().max(16).optional(),
    year: z.number().int().min(1970).max(2100),
    types: z.array(z.enum(['public', 'bank', 'optional', 'school', 'observance'])).max(5).optional(),
  }),
  'settings.preview': z.object({ policy, fields: z.record(z.string().max(64), z.string().max(256).optional()) }),
  'settings.recomputeProgress': empty,
  'settings.coverage': z.object({ policy }),
  'settings.removeData': z.object({ confirm: z.literal(REMOVE_DATA_CONFIRMATION) }),
  'settings.whatIf': z.object({ policy, days: z.number().int().min(1).max(3660) }),
  ...REPORT_PAYLOADS,
} satisfies Record<ResolverKey, z.ZodType>;

export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): Result<z.infer<S>, string> {
  const size = jsonBytes(payload ?? {});
  if (!Number.isFinite(size)) return err('Request is nested too deeply.');
  if (size > MAX_PAYLOAD_BYTES) return err(`Request too large (${size} bytes).`);
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  return err(first ? `${first.path.join('.') || 'payload'}: ${first.message}` : 'Invalid request.');
}
