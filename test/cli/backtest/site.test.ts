import type { Route } from '@forge/api';
import { readProject, siteFailure, siteFromEnv, type Site } from '../../../src/cli/backtest/site';
import { createJiraClient } from '../../../src/jira/client';
import { retryPolicy, type ResponseLike } from '../../../src/jira/http';
import { createRequester } from '../../../src/jira/request';
import { reply } from '../../jira/scripted';

const ENV = { JIRA_SITE_URL: 'https://acme.atlassian.net//', JIRA_EMAIL: 'me@acme.test', JIRA_API_TOKEN: 'tok' };

/** A site whose every request gets `answer`. */
function site(answer: ResponseLike): Site {
  const transport = async (_r: Route) => answer;
  const policy = retryPolicy(0, { sleep: async () => undefined, random: () => 0.5 });
  return { url: 'https://acme.atlassian.net', jira: createJiraClient(transport, policy), req: createRequester(transport, policy), authorization: 'Basic x' };
}

describe('the site from the environment', () => {
  it('trims trailing slashes off the URL and authorises with basic auth of e-mail and token', () => {
    const r = siteFromEnv(ENV);
    expect(r.ok && [r.value.url, r.value.authorization]).toEqual(['https://acme.atlassian.net', `Basic ${Buffer.from('me@acme.test:tok').toString('base64')}`]);
  });

  it('names every missing variable in one CLI_NO_CREDENTIALS failure', () => {
    const r = siteFromEnv({ JIRA_SITE_URL: 'https://acme.atlassian.net' });
    expect(!r.ok && [r.error.code, r.error.message]).toEqual(['CLI_NO_CREDENTIALS', 'Set JIRA_EMAIL, JIRA_API_TOKEN (the site URL, your Atlassian e-mail and an API token).']);
    expect(!siteFromEnv({ ...ENV, JIRA_API_TOKEN: '' }).ok).toBe(true);
  });
});

describe('a Jira failure as the CLI reports it', () => {
  it('blames the credentials for a refusal, the JQL for a rejection, and the site for anything else', () => {
    expect(siteFailure({ code: 'FORBIDDEN', status: 403, message: 'no' }, 'the issues').code).toBe('CLI_BAD_CREDENTIALS');
    expect(siteFailure({ code: 'REJECTED', status: 400, message: 'bad field' }, 'the issues')).toMatchObject({ code: 'CLI_BAD_JQL', message: 'Jira rejected the issues: bad field' });
    expect(siteFailure({ code: 'UNAVAILABLE', status: 503, message: 'down' }, 'the issues').code).toBe('CLI_SITE_UNAVAILABLE');
  });
});

describe('the project of a backtest', () => {
  it('is read by key or id, as its id and key', async () => {
    expect(await readProject(site(reply(200, { id: '10000', key: 'SUP', name: 'Support' })), 'SUP')).toEqual({ ok: true, value: { id: '10000', key: 'SUP' } });
  });

  it('is CLI_UNKNOWN_PROJECT when the site does not know it, naming the project and site', async () => {
    const r = await readProject(site(reply(404)), 'SPU');
    expect(!r.ok && [r.error.code, r.error.message]).toEqual(['CLI_UNKNOWN_PROJECT', 'There is no project "SPU" on https://acme.atlassian.net, or this account cannot see it.']);
  });

  it('passes other failures on as site failures', async () => {
    const r = await readProject(site(reply(401)), 'SUP');
    expect(!r.ok && r.error.code).toBe('CLI_BAD_CREDENTIALS');
  });
});
