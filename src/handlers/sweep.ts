/** fiveMinute scheduled trigger (function `sweep`): queues the due issues; Forge expects a 204-style answer. */
import type { Deps } from '../app/deps';
import { runSweep } from '../app/sweep';

export async function handleSweep(deps: Deps): Promise<{ statusCode: number }> {
  await runSweep(deps);
  return { statusCode: 204 };
}
