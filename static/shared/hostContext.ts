/** The host's context for an app's first render, or null outside a host (or an old one): apps still render, with light tokens and their own "not configured" state. */
import { view } from '@forge/bridge';

export async function hostContext(): Promise<unknown> {
  try {
    return await view.getContext();
  } catch {
    return null;
  }
}
