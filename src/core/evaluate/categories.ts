/** Status id -> category for one replay of one issue. */
import type { StatusCategory } from '../policy/types';
import type { IssueHistory } from './types';

/** The site's status categories, each looked up once per replay (an issue visits few statuses). */
export class CategoryLookup {
  private readonly cache = new Map<string, StatusCategory | undefined>();

  constructor(private readonly table: IssueHistory['statusCategories']) {}

  of(status: string | null | undefined): StatusCategory | undefined {
    if (!status) return undefined;
    const hit = this.cache.get(status);
    if (hit !== undefined || this.cache.has(status)) return hit;
    const category = this.table[status];
    this.cache.set(status, category);
    return category;
  }
}
