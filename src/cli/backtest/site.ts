/**
 * A Jira Cloud site (or the emulator) over REST with basic auth: e-mail and API token from the
 * environment, never from the command line. The app's own retrying requester is reused, with a budget
 * long enough for a command-line run, so 429s are waited out as Retry-After asks.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { createJiraClient, type JiraClient } from '../../jira/client';
import { retryPolicy, type JiraError, type JiraTransport } from '../../jira/http';
import { createRequester, type Requester } from '../../jira/request';
import { failure, type CliFailure, type CliResult } from '../errors';

/** A command-line run may wait out rate limits far longer than a Forge invocation. */
const CLI_RETRY_BUDGET_MS = 15 * 60_000;

export interface Site {
  url: string;
  jira: JiraClient;
  req: Requester;
  /** Authorization header value, for the few calls made without the requester. */
  authorization: string;
}

export const SITE_ENV = { url: 'JIRA_SITE_URL', email: 'JIRA_EMAIL', token: 'JIRA_API_TOKEN' } as const;

export function siteFromEnv(env: NodeJS.ProcessEnv): CliResult<Site> {
  const url = env[SITE_ENV.url]?.replace(/\/+$/, '');
  const email = env[SITE_ENV.email];
  const token = env[SITE_ENV.token];
  const missing = Object.entries(SITE_ENV).filter(([k]) => !{ url, email, token }[k as keyof typeof SITE_ENV]).map(([, v]) => v);
  if (missing.length > 0) return failure('CLI_NO_CREDENTIALS', `Set ${missing.join(', ')} (the site URL, your Atlassian e-mail and an API token).`);
  const authorization = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
  const transport: JiraTransport = async (r, init) => {
    const res = await fetch(`${url}${r.value}`, { method: init.method, body: init.body, headers: { ...init.headers, Authorization: authorization } });
    return { status: res.status, headers: res.headers, text: () => res.text() };
  };
  const policy = retryPolicy(CLI_RETRY_BUDGET_MS, { maxAttempts: 8 });
  return { ok: true, value: { url: url as string, jira: createJiraClient(transport, policy), req: createRequester(transport, policy), authorization } };
}

/** A Jira error as the CLI reports it; `about` names what was being read. */
export function siteFailure(error: JiraError, about: string): CliFailure {
  if (error.code === 'FORBIDDEN') return failure('CLI_BAD_CREDENTIALS', `The site refused ${about} (${error.status}): check JIRA_EMAIL and JIRA_API_TOKEN, and that this account can browse the project.`).error;
  if (error.code === 'REJECTED') return failure('CLI_BAD_JQL', `Jira rejected ${about}: ${error.message}`).error;
  return failure('CLI_SITE_UNAVAILABLE', `Could not read ${about}: ${error.message}`).error;
}

const projectSchema = z.object({ id: z.string(), key: z.string(), name: z.string().optional() });

/** The project by key or id; an unknown one is CLI_UNKNOWN_PROJECT (checked first, so a typo is not an empty report). */
export async function readProject(site: Site, project: string): Promise<CliResult<{ id: string; key: string }>> {
  const res = await site.req.json(projectSchema, route`/rest/api/3/project/${project}`);
  if (res.ok) return { ok: true, value: { id: res.value.id, key: res.value.key } };
  if (res.error.code === 'NOT_FOUND') return failure('CLI_UNKNOWN_PROJECT', `There is no project "${project}" on ${site.url}, or this account cannot see it.`);
  return { ok: false, error: siteFailure(res.error, `the project ${project}`) };
}

const envelopeSchema = z.object({ ok: z.boolean(), data: z.object({ config: z.object({ policy: z.unknown() }).nullable() }).optional() });

/**
 * The project's saved policy, through the emulator's control API (POST /control/invoke of
 * settings.getConfig as the admin). Jira Cloud has no REST path into a Forge app's storage: there,
 * save the policy from the settings page to a file and pass that instead.
 */
export async function readSitePolicy(site: Site, projectKey: string): Promise<CliResult<unknown>> {
  const body = JSON.stringify({ moduleKey: 'sla-settings', projectKey, functionKey: 'settings.getConfig', payload: {} });
  const res = await fetch(`${site.url}/control/invoke`, { method: 'POST', body, headers: { 'content-type': 'application/json', Authorization: site.authorization } }).catch(() => null);
  const parsed = res?.ok ? envelopeSchema.safeParse(await res.json().catch(() => null)) : null;
  if (!parsed?.success) return failure('CLI_NO_SITE_POLICY', `${site.url} does not export app storage (only the emulator's control API does): pass the current policy as a file.`);
  const policy = parsed.data.data?.config?.policy;
  if (policy === undefined) return failure('CLI_NO_SITE_POLICY', `Project ${projectKey} has no saved SLA policy on ${site.url}.`);
  return { ok: true, value: policy };
}
