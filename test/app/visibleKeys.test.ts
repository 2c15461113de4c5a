import { err, ok } from '@core';
import { visibleKeys } from '../../src/app/visibleKeys';
import type { JiraClient } from '../../src/jira/client';
import type { JiraResult } from '../../src/jira/http';
import type { SearchPage } from '../../src/jira/bulk';

/** A Jira that lets the viewer see exactly `visible`, recording each JQL search. */
function jiraSeeing(visible: readonly string[], fail = false) {
  const searches: string[] = [];
  const searchIssues = async (jql: string): Promise<JiraResult<SearchPage>> => {
    searches.push(jql);
    if (fail) return err({ code: 'RATE_LIMITED', status: 429, message: 'slow down', retryAfterMs: 1000 });
    const asked = /^key in \((.*)\)$/.exec(jql)?.[1]?.split(', ') ?? [];
    return ok({ issues: asked.filter((k) => visible.includes(k)).map((key) => ({ id: key, key, fields: {} })), nextPageToken: null });
  };
  return { jira: { searchIssues } as unknown as JiraClient, searches };
}

describe('which issue keys the viewer may open', () => {
  it('keeps only the keys a search made as the viewer returns', async () => {
    const { jira } = jiraSeeing(['SUP-1', 'SUP-3']);
    const res = await visibleKeys(jira, ['SUP-1', 'SUP-2', 'SUP-3']);
    expect(res.ok && [...res.value].sort()).toEqual(['SUP-1', 'SUP-3']);
  });

  it('never puts anything but an issue key into JQL, and asks once for a repeated key', async () => {
    const { jira, searches } = jiraSeeing(['SUP-1']);
    const res = await visibleKeys(jira, ['SUP-1', 'SUP-1', 'SUP-1) OR project = SECRET', 'sup-2', 'SUP-0']);
    expect(searches).toEqual(['key in (SUP-1)']);
    expect(res.ok && [...res.value]).toEqual(['SUP-1']);
  });

  it('searches once per 100 keys and makes no search for no keys', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => `SUP-${i + 1}`);
    const { jira, searches } = jiraSeeing(keys);
    const res = await visibleKeys(jira, keys);
    expect(searches).toHaveLength(3);
    expect(res.ok && res.value.size).toBe(250);
    const none = jiraSeeing([]);
    expect(await visibleKeys(none.jira, [])).toEqual({ ok: true, value: new Set() });
    expect(none.searches).toEqual([]);
  });

  it("hands Jira's failure back instead of showing a partial answer", async () => {
    const { jira } = jiraSeeing(['SUP-1'], true);
    expect(await visibleKeys(jira, ['SUP-1'])).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
