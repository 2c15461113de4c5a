/**
 * `preUninstall` lifecycle trigger (function `pre-uninstall`): removes the `sla` issue properties before
 * Forge uninstalls the app. It runs without a user and cannot stop the uninstall, so it never throws:
 * whatever goes wrong is logged and the uninstall proceeds.
 */
import type { Deps } from '../app/deps';
import { removeSiteProperties } from '../app/uninstall';

export async function handlePreUninstall(deps: () => Deps): Promise<void> {
  let d: Deps | undefined;
  try {
    d = deps();
    const outcome = await removeSiteProperties(d);
    if (outcome.state === 'complete' && outcome.failedIssues === 0) return;
    const message = 'Uninstall: the sla issue properties may not all be removed';
    if (outcome.state === 'pending') d.log.warn(message, { ...outcome });
    else d.log.error(message, { ...outcome });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (d) d.log.error('Uninstall: removing the sla issue properties failed', { message });
    else console.error('Uninstall: removing the sla issue properties failed', message);
  }
}
