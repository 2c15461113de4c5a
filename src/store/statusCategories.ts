/**
 * Status id -> category, cached in KVS for the whole site. Changelogs carry status ids only, and
 * fetching /status on every recompute would double the Jira calls of an ordinary event; the cache is
 * refreshed only when a history mentions a status it does not know.
 */
import { kvs } from '@forge/kvs';

type Category = 'new' | 'indeterminate' | 'done';
const KEY = 'status-categories';

export interface StatusCategoryCache {
  fetchedAt: number;
  categories: Record<string, Category>;
}

export async function getStatusCategories(): Promise<StatusCategoryCache | undefined> {
  return kvs.get<StatusCategoryCache>(KEY);
}

export async function setStatusCategories(cache: StatusCategoryCache): Promise<void> {
  await kvs.set(KEY, cache);
}
