/**
 * The UIs' only door to the backend: a typed `invoke` over the resolver contract. Failures of the
 * bridge itself (network, host) come back as an INTERNAL envelope, never as a thrown error.
 */
import { invoke } from '@forge/bridge';
import type { DataOf, Envelope, PayloadOf, ResolverKey } from '@contract';

export async function call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Envelope<DataOf<K>>> {
  try {
    const res = (await invoke(key, payload as Record<string, unknown>)) as Envelope<DataOf<K>> | undefined;
    if (!res || typeof res !== 'object' || !('ok' in res)) {
      return { ok: false, error: { code: 'INTERNAL', message: 'The app returned an unexpected response.' } };
    }
    return res;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INTERNAL', message: `Could not reach SLA Clock: ${message}` } };
  }
}
