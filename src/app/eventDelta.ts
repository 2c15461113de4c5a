/**
 * The part of a Jira product event the history mirror can absorb: the changelog (id and items), the
 * comment of a comment event, the id of a deleted comment, and the current status and project the
 * payload carries. Queued with the issue's recompute job (a few hundred bytes), so the consumer,
 * which Forge serialises per issue, applies it without reading Jira. Absent when the event carries
 * nothing usable (then the consumer reads Jira as before).
 */
import { z } from 'zod';
import type { MirrorDelta } from './mirrorData';

const own = (o: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined);
const str = z.string().nullable().optional();

/** Jira names one changelog property `toString`; it is read as an own property only. */
const itemSchema = z.preprocess(
  (v) => (v && typeof v === 'object' ? { ...v, toText: own(v, 'toString'), toString: undefined } : v),
  z.object({ field: z.string(), fieldId: z.string().optional(), from: str, to: str, fromString: str, toText: str }),
);

const commentSchema = z.object({
  id: z.string(),
  created: z.string().optional(),
  author: z.object({ accountId: z.string().optional(), accountType: z.string().optional() }).optional(),
  jsdPublic: z.boolean().optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});

const payloadSchema = z.object({
  eventType: z.string(),
  timestamp: z.union([z.string(), z.number()]),
  issue: z.object({ fields: z.object({ status: z.unknown().optional(), project: z.unknown().optional() }).optional() }),
  changelog: z.object({ id: z.union([z.string(), z.number()]), items: z.array(itemSchema) }).optional(),
  comment: commentSchema.optional(),
});

const isInternal = (c: z.infer<typeof commentSchema>): boolean =>
  c.properties?.some((p) => p.key === 'sd.public.comment' && typeof p.value === 'object' && p.value !== null && (p.value as { internal?: unknown }).internal === true) ?? false;

/** The mirror delta of a raw event payload, or undefined when it carries nothing the mirror can use. */
export function deltaOf(raw: unknown): MirrorDelta | undefined {
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const at = Number(e.timestamp);
  if (!Number.isFinite(at)) return undefined;
  const delta: MirrorDelta = { at, fields: { ...(e.issue.fields?.status ? { status: e.issue.fields.status } : {}), ...(e.issue.fields?.project ? { project: e.issue.fields.project } : {}) } };
  if (e.changelog) {
    const items = e.changelog.items.map((i) => ({ field: i.field, fieldId: i.fieldId, from: i.from ?? null, to: i.to ?? null, fromString: i.fromString ?? null, toText: i.toText ?? null }));
    delta.changelog = { id: String(e.changelog.id), items };
  }
  if (e.comment && e.eventType === 'avi:jira:deleted:comment') delta.deletedCommentId = e.comment.id;
  else if (e.comment) {
    const { id, created, author, jsdPublic } = e.comment;
    delta.comment = { id, created, author, jsdPublic, internal: isInternal(e.comment) };
  }
  return delta.changelog || delta.comment || delta.deletedCommentId ? delta : undefined;
}

export const deltaSchema: z.ZodType<MirrorDelta> = z.object({
  at: z.number(),
  changelog: z.object({ id: z.string(), items: z.array(z.object({ field: z.string(), fieldId: z.string().optional(), from: str, to: str, fromString: str, toText: str })) }).optional(),
  comment: z.object({ id: z.string(), created: z.string().optional(), author: z.object({ accountId: z.string().optional(), accountType: z.string().optional() }).optional(), jsdPublic: z.boolean().optional(), internal: z.boolean().optional() }).optional(),
  deletedCommentId: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
}) as z.ZodType<MirrorDelta>;
