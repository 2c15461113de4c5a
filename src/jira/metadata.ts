/**
 * Site metadata for the settings page: priorities, statuses with categories, issue types and custom
 * select fields with their options (first context only; a field with many contexts is rare for
 * Severity-like fields and the admin can still type option ids).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraMetadata, NamedRef, SelectFieldRef, StatusRef } from '../contract';
import type { JiraErrorCode, JiraResult } from './http';
import type { Requester } from './request';
import { fieldContextPageSchema, fieldSchema, namedSchema, optionPageSchema, statusSchema } from './schemas';

const MAX_SELECT_FIELDS = 20;
const SELECT_TYPES = new Set([
  'com.atlassian.jira.plugin.system.customfieldtypes:select',
  'com.atlassian.jira.plugin.system.customfieldtypes:radiobuttons',
  'com.atlassian.jira.plugin.system.customfieldtypes:multiselect',
]);

const category = (key: string | undefined): StatusRef['category'] => (key === 'done' || key === 'new' ? key : 'indeterminate');

export async function readMetadata(req: Requester): Promise<JiraResult<JiraMetadata>> {
  const priorities = await req.json(z.array(namedSchema), route`/rest/api/3/priority`);
  if (!priorities.ok) return priorities;
  const statuses = await req.json(z.array(statusSchema), route`/rest/api/3/status`);
  if (!statuses.ok) return statuses;
  const issueTypes = await req.json(z.array(namedSchema), route`/rest/api/3/issuetype`);
  if (!issueTypes.ok) return issueTypes;
  const selectFields = await readSelectFields(req);
  if (!selectFields.ok) return selectFields;
  return {
    ok: true,
    value: {
      priorities: priorities.value.map(({ id, name }) => ({ id, name })),
      statuses: statuses.value.map((s) => ({ id: s.id, name: s.name, category: category(s.statusCategory?.key) })),
      issueTypes: issueTypes.value.map(({ id, name }) => ({ id, name })),
      selectFields: selectFields.value,
    },
  };
}

async function readSelectFields(req: Requester): Promise<JiraResult<SelectFieldRef[]>> {
  const fields = await req.json(z.array(fieldSchema), route`/rest/api/3/field`);
  if (!fields.ok) return fields;
  const selects = fields.value.filter((f) => f.custom === true && SELECT_TYPES.has(f.schema?.custom ?? '')).slice(0, MAX_SELECT_FIELDS);
  const out: SelectFieldRef[] = [];
  let refused = false;
  for (const f of selects) {
    const options: JiraResult<NamedRef[]> = refused ? { ok: true, value: [] } : await readOptions(req, f.id);
    if (!options.ok && !optional(options.error.code)) return options;
    // The context and option reads need manage:jira-configuration, which the app does not request:
    // when Jira refuses, list the fields without options (admins can type option ids) and stop asking.
    refused ||= !options.ok && options.error.code === 'FORBIDDEN';
    out.push({ id: f.id, name: f.name, options: options.ok ? options.value : [] });
  }
  return { ok: true, value: out };
}

/** Refusals and a field deleted meanwhile cost only that field's options; outages still fail. */
const optional = (code: JiraErrorCode) => code === 'FORBIDDEN' || code === 'NOT_FOUND';

async function readOptions(req: Requester, fieldId: string): Promise<JiraResult<Array<{ id: string; name: string }>>> {
  const contexts = await req.json(fieldContextPageSchema, route`/rest/api/3/field/${fieldId}/context`);
  if (!contexts.ok) return contexts;
  const first = contexts.value.values[0];
  if (!first) return { ok: true, value: [] };
  const options = await req.json(optionPageSchema, route`/rest/api/3/field/${fieldId}/context/${first.id}/option`);
  if (!options.ok) return options;
  return { ok: true, value: options.value.values.map((o) => ({ id: o.id, name: o.value })) };
}
