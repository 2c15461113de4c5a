/**
 * The integrity key: a random secret, generated on first use and kept in Forge's encrypted secret
 * storage, that signs every `sla` property the app writes (HMAC). Anyone with Edit issues can PUT the
 * property, but nobody without the secret can produce a signature that verifies, so a forged or edited
 * property is recognised and rewritten. `epoch` is stored in the property and indexed: raising it
 * (a key rotation) makes every older property findable by JQL.
 */
import { kvs } from '@forge/kvs';
import { randomBytes } from 'node:crypto';

export interface IntegrityKey {
  secret: string;
  epoch: number;
}

const KEY = 'integrity-key';

const isKey = (v: unknown): v is IntegrityKey =>
  !!v && typeof v === 'object' && typeof (v as IntegrityKey).secret === 'string' && (v as IntegrityKey).secret.length >= 32 && Number.isInteger((v as IntegrityKey).epoch);

/**
 * The site's key, created race-safely on first use (two first runs at once agree on one secret). Read
 * on every use (one KVS read) rather than cached in the warm runtime, so a rotation applies at once.
 */
export async function integrityKey(): Promise<IntegrityKey> {
  const stored = await kvs.getSecret<unknown>(KEY);
  if (isKey(stored)) return stored;
  const fresh: IntegrityKey = { secret: randomBytes(32).toString('hex'), epoch: 1 };
  try {
    await kvs.setSecret(KEY, fresh, { keyPolicy: 'FAIL_IF_EXISTS' });
    return fresh;
  } catch (e) {
    const winner = await kvs.getSecret<unknown>(KEY);
    if (isKey(winner)) return winner;
    throw e;
  }
}
