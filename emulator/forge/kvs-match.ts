/**
 * Conditions of the Forge KVS wire protocol (BEGINS_WITH, BETWEEN, EQUAL_TO, … as @forge/kvs
 * sends them), evaluated against stored values.
 */
export interface WireCondition { condition: string; values: unknown[]; property?: string }
export interface WireFilters { and?: WireCondition[]; or?: WireCondition[] }

type Scalar = string | number | boolean;

function cmp(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return null;
}

export function test(value: unknown, c: WireCondition): boolean {
  const [x, y] = c.values as Scalar[];
  const d = cmp(value, x);
  switch (c.condition) {
    case 'EXISTS': return value !== undefined && value !== null;
    case 'NOT_EXISTS': return value === undefined || value === null;
    case 'EQUAL_TO': return d === 0;
    case 'NOT_EQUAL_TO': return d !== 0;
    case 'GREATER_THAN': return d !== null && d > 0;
    case 'GREATER_THAN_EQUAL_TO': return d !== null && d >= 0;
    case 'LESS_THAN': return d !== null && d < 0;
    case 'LESS_THAN_EQUAL_TO': return d !== null && d <= 0;
    case 'BETWEEN': { const e = cmp(value, y); return d !== null && e !== null && d >= 0 && e <= 0; }
    case 'BEGINS_WITH': return typeof value === 'string' && typeof x === 'string' && value.startsWith(x);
    case 'CONTAINS': return Array.isArray(value) ? value.includes(x) : typeof value === 'string' && value.includes(String(x));
    case 'NOT_CONTAINS': return Array.isArray(value) ? !value.includes(x) : typeof value === 'string' && !value.includes(String(x));
    default: throw new Error(`unknown KVS condition ${c.condition}`);
  }
}

export function testFilters(value: unknown, filters: WireFilters | undefined): boolean {
  if (!filters) return true;
  const attr = (c: WireCondition) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[c.property ?? ''] : undefined);
  if (filters.and) return filters.and.every((c) => test(attr(c), c));
  if (filters.or) return filters.or.some((c) => test(attr(c), c));
  return true;
}

export function sortValue(a: unknown, b: unknown): number {
  return cmp(a, b) ?? String(a).localeCompare(String(b));
}
