/** Binds preset names (priorities, statuses, fields) to a site's ids, remembering what it could not find. */
import type { NamedRef, SiteMetadata } from '../types';

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

function idsNamed(refs: readonly NamedRef[], names: readonly string[]): string[] {
  const wanted = new Set(names.map(norm));
  return refs.filter((r) => wanted.has(norm(r.name))).map((r) => r.id);
}

export class MetadataMatcher {
  readonly unmatched: string[] = [];

  constructor(private readonly meta: SiteMetadata) {}

  private found(ids: string[], what: string): string[] {
    if (ids.length === 0) this.unmatched.push(what);
    return ids;
  }

  /** Priority ids whose name is one of `names` (case-insensitive); [] matches no issue. */
  priorities(names: readonly string[]): string[] {
    return this.found(idsNamed(this.meta.priorities, names), `priority "${names[0] ?? ''}"`);
  }

  statuses(names: readonly string[]): string[] {
    return this.found(idsNamed(this.meta.statuses, names), `status "${names[0] ?? ''}"`);
  }

  issueTypes(names: readonly string[]): string[] {
    return this.found(idsNamed(this.meta.issueTypes, names), `issue type "${names[0] ?? ''}"`);
  }

  /** A select field and a lookup of its options; an unknown field keeps a placeholder id that matches nothing. */
  selectField(names: readonly string[]): { fieldId: string; options: (optionNames: readonly string[]) => string[] } {
    const wanted = new Set(names.map(norm));
    const field = this.meta.selectFields.find((f) => wanted.has(norm(f.name)));
    if (!field) {
      this.unmatched.push(`field "${names[0] ?? ''}"`);
      return { fieldId: 'unmatched-field', options: () => [] };
    }
    return {
      fieldId: field.id,
      options: (optionNames) => this.found(idsNamed(field.options, optionNames), `${field.name} option "${optionNames[0] ?? ''}"`),
    };
  }
}
