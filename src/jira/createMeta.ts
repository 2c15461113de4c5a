/**
 * The option fields of one project and their options, from the create-issue metadata (covered by
 * read:jira-work, unlike the field-context option routes, which need manage:jira-configuration):
 * the project's issue types, then each type's fields. Option fields (`schema.type` `option`, or an
 * `array` of `option`) are merged across issue types: by field id, then option id, first seen wins.
 */
import { route } from '@forge/api';
import type { NamedRef, SelectFieldRef } from '../contract';
import { ok } from '../core';
import type { JiraErrorCode, JiraResult } from './http';
import { andThen, type Requester } from './request';
import { allowedOptionSchema, createMetaFieldPageSchema, createMetaIssueTypePageSchema, type CreateMetaField } from './schemas';

const PAGE_SIZE = 50;
/** Stops a page chain that never ends (a total Jira keeps raising): 1,000 issue types or fields. */
const MAX_PAGES = 20;
/** Issue types read at once; they share the invocation's retry budget like every other call. */
const PARALLEL = 4;

/** Refusals (no Create issues permission, project or issue type gone) cost only options; outages still fail. */
const optional = (code: JiraErrorCode) => code === 'FORBIDDEN' || code === 'NOT_FOUND';

type PageReader<T> = (startAt: number) => Promise<JiraResult<{ items: T[]; total?: number }>>;

/** Jira's startAt/maxResults paging: on while `total` says more, or (without total) while pages are full. */
async function readAll<T>(read: PageReader<T>): Promise<JiraResult<T[]>> {
  const out: T[] = [];
  for (let n = 0; n < MAX_PAGES; n++) {
    const res = await read(out.length);
    if (!res.ok) return res;
    const { items, total } = res.value;
    out.push(...items);
    const more = total !== undefined ? out.length < total : items.length >= PAGE_SIZE;
    if (items.length === 0 || !more) break;
  }
  return ok(out);
}

const query = (startAt: number) => new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE_SIZE) });

function issueTypeIds(req: Requester, project: string): Promise<JiraResult<string[]>> {
  return readAll(async (startAt) => {
    const res = await req.json(createMetaIssueTypePageSchema, route`/rest/api/3/issue/createmeta/${project}/issuetypes?${query(startAt)}`);
    return andThen(res, (p) => ({ items: (p.issueTypes ?? p.values ?? []).map((t) => t.id), total: p.total }));
  });
}

function fieldsOf(req: Requester, project: string, issueTypeId: string): Promise<JiraResult<CreateMetaField[]>> {
  return readAll(async (startAt) => {
    const res = await req.json(createMetaFieldPageSchema, route`/rest/api/3/issue/createmeta/${project}/issuetypes/${issueTypeId}?${query(startAt)}`);
    return andThen(res, (p) => ({ items: p.fields ?? p.values ?? [], total: p.total }));
  });
}

const isOptionField = (f: CreateMetaField) => f.schema?.type === 'option' || (f.schema?.type === 'array' && f.schema.items === 'option');

function optionsOf(f: CreateMetaField): NamedRef[] {
  return (f.allowedValues ?? []).flatMap((v) => {
    const o = allowedOptionSchema.safeParse(v);
    return o.success ? [{ id: o.data.id, name: o.data.value }] : [];
  });
}

function merge(into: Map<string, SelectFieldRef>, fields: CreateMetaField[]): void {
  for (const f of fields.filter(isOptionField)) {
    const ref = into.get(f.fieldId) ?? { id: f.fieldId, name: f.name, options: [] };
    into.set(f.fieldId, ref);
    const known = new Set(ref.options.map((o) => o.id));
    for (const o of optionsOf(f)) {
      if (known.has(o.id)) continue;
      known.add(o.id);
      ref.options.push(o);
    }
  }
}

/** The project's option fields with their options; empty when Jira refuses the metadata read. */
export async function readProjectOptionFields(req: Requester, project: string): Promise<JiraResult<SelectFieldRef[]>> {
  const types = await issueTypeIds(req, project);
  if (!types.ok) return optional(types.error.code) ? ok([]) : types;
  const merged = new Map<string, SelectFieldRef>();
  for (let i = 0; i < types.value.length; i += PARALLEL) {
    const batch = await Promise.all(types.value.slice(i, i + PARALLEL).map((t) => fieldsOf(req, project, t)));
    for (const res of batch) {
      if (!res.ok && !optional(res.error.code)) return res;
      if (res.ok) merge(merged, res.value);
    }
  }
  return ok([...merged.values()]);
}
