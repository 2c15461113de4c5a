/**
 * Site metadata for one project's settings page: priorities, statuses with categories, issue types
 * and custom select fields with the options the project's create-issue metadata offers (see
 * createMeta.ts; all of it read:jira-work).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraMetadata, SelectFieldRef, StatusRef } from '../contract';
import { ok } from '../core';
import { readProjectOptionFields } from './createMeta';
import type { JiraResult } from './http';
import type { Requester } from './request';
import { fieldSchema, namedSchema, statusSchema } from './schemas';

const MAX_SELECT_FIELDS = 20;
const SELECT_TYPES = new Set([
  'com.atlassian.jira.plugin.system.customfieldtypes:select',
  'com.atlassian.jira.plugin.system.customfieldtypes:radiobuttons',
  'com.atlassian.jira.plugin.system.customfieldtypes:multiselect',
]);

const category = (key: string | undefined): StatusRef['category'] => (key === 'done' || key === 'new' ? key : 'indeterminate');

/** `project`: the id or key of the project whose settings page asks (from the trusted context). */
export async function readMetadata(req: Requester, project: string): Promise<JiraResult<JiraMetadata>> {
  const priorities = await req.json(z.array(namedSchema), route`/rest/api/3/priority`);
  if (!priorities.ok) return priorities;
  const statuses = await req.json(z.array(statusSchema), route`/rest/api/3/status`);
  if (!statuses.ok) return statuses;
  const issueTypes = await req.json(z.array(namedSchema), route`/rest/api/3/issuetype`);
  if (!issueTypes.ok) return issueTypes;
  const selectFields = await readSelectFields(req, project);
  if (!selectFields.ok) return selectFields;
  return ok({
    priorities: priorities.value.map(({ id, name }) => ({ id, name })),
    statuses: statuses.value.map((s) => ({ id: s.id, name: s.name, category: category(s.statusCategory?.key) })),
    issueTypes: issueTypes.value.map(({ id, name }) => ({ id, name })),
    selectFields: selectFields.value,
  });
}

/**
 * The site's select fields (`/field`, so fields missing from create screens are still listed, without
 * options) and the project's option fields with their options (create-issue metadata); the project's
 * fields come first, so the cap never drops them for other projects' fields.
 */
async function readSelectFields(req: Requester, project: string): Promise<JiraResult<SelectFieldRef[]>> {
  const fields = await req.json(z.array(fieldSchema), route`/rest/api/3/field`);
  if (!fields.ok) return fields;
  const site = fields.value.filter((f) => f.custom === true && SELECT_TYPES.has(f.schema?.custom ?? ''));
  const inProject = await readProjectOptionFields(req, project);
  if (!inProject.ok) return inProject;
  const siteName = new Map(site.map((f) => [f.id, f.name]));
  const found = inProject.value.map((f) => ({ ...f, name: siteName.get(f.id) ?? f.name }));
  const seen = new Set(found.map((f) => f.id));
  const rest = site.filter((f) => !seen.has(f.id)).map((f): SelectFieldRef => ({ id: f.id, name: f.name, options: [] }));
  return ok([...found, ...rest].slice(0, MAX_SELECT_FIELDS));
}
