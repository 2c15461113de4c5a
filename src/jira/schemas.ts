/**
 * The slices of Jira REST JSON the app reads, parsed leniently: unknown keys are ignored and only the
 * properties we rely on are checked, so a new Jira field never breaks the app but a changed shape of
 * one we use fails loudly with BAD_RESPONSE.
 */
import { z } from 'zod';

const idOrNull = z.string().nullable().optional();

const own = (o: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined);

/**
 * A changelog item. Jira names one property `toString`, which every parsed JSON object also inherits
 * from Object.prototype; it is read as an own property only and exposed as `toText`.
 */
export const changeItemSchema = z.preprocess(
  (v) => (v && typeof v === 'object' ? { ...v, toText: own(v, 'toString'), toString: undefined } : v),
  z.object({
    field: z.string(),
    fieldId: z.string().optional(),
    fieldtype: z.string().optional(),
    from: idOrNull,
    fromString: idOrNull,
    to: idOrNull,
    toText: idOrNull,
  }),
);

export const historySchema = z.object({
  id: z.string(),
  created: z.string(),
  items: z.array(changeItemSchema),
});

export const authorSchema = z.object({
  accountId: z.string().optional(),
  accountType: z.string().optional(),
});

export const commentSchema = z.object({
  id: z.string(),
  created: z.string(),
  author: authorSchema.optional(),
  jsdPublic: z.boolean().optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});

const pageCounts = { startAt: z.number().optional(), maxResults: z.number().optional(), total: z.number().optional() };

export const commentPageSchema = z.object({ ...pageCounts, comments: z.array(commentSchema) });

export const changelogPageSchema = z.object({ ...pageCounts, isLast: z.boolean().optional(), values: z.array(historySchema) });

export const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
  changelog: z.object({ ...pageCounts, histories: z.array(historySchema) }).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export const searchPageSchema = z.object({
  issues: z.array(z.object({ id: z.string() })),
  nextPageToken: z.string().nullable().optional(),
});

export const namedSchema = z.object({ id: z.string(), name: z.string() });

export const statusSchema = z.object({
  id: z.string(),
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).optional(),
});

export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.object({ type: z.string().optional(), items: z.string().optional(), custom: z.string().optional() }).optional(),
});

/** `GET /issue/createmeta/{project}/issuetypes`: Jira Cloud names the list `issueTypes` (older answers `values`). */
export const createMetaIssueTypePageSchema = z
  .object({ ...pageCounts, issueTypes: z.array(z.object({ id: z.string() })).optional(), values: z.array(z.object({ id: z.string() })).optional() })
  .refine((p) => p.issueTypes !== undefined || p.values !== undefined, 'expected issueTypes or values');

const createMetaField = z.object({
  fieldId: z.string(),
  name: z.string(),
  schema: z.object({ type: z.string(), items: z.string().optional() }).optional(),
  allowedValues: z.array(z.unknown()).optional(),
});

/** `GET /issue/createmeta/{project}/issuetypes/{id}`: the list is `fields` (older answers `values`). */
export const createMetaFieldPageSchema = z
  .object({ ...pageCounts, fields: z.array(createMetaField).optional(), values: z.array(createMetaField).optional() })
  .refine((p) => p.fields !== undefined || p.values !== undefined, 'expected fields or values');

/** One allowed value of an option field; other fields' allowed values (priorities, versions) do not fit. */
export const allowedOptionSchema = z.object({ id: z.string(), value: z.string() });

export type CreateMetaField = z.infer<typeof createMetaField>;

export const permissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

export type RawHistory = z.infer<typeof historySchema>;
export type RawComment = z.infer<typeof commentSchema>;
export type RawIssue = z.infer<typeof issueSchema>;
