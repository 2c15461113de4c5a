/** Jira names for the ids a policy stores, loaded once from settings.metadata and read anywhere. */
import { createContext, useContext } from 'react';
import type { JiraMetadata, NamedRef } from '@contract';

export const EMPTY_METADATA: JiraMetadata = { priorities: [], statuses: [], issueTypes: [], selectFields: [] };

export const MetadataContext = createContext<JiraMetadata>(EMPTY_METADATA);

export function useMetadata(): JiraMetadata {
  return useContext(MetadataContext);
}

/** A name for an id, or a visible marker (never the id) when it no longer exists in Jira. */
export function nameOf(refs: readonly NamedRef[], id: string): string {
  return refs.find((r) => r.id === id)?.name ?? 'a value deleted in Jira';
}
