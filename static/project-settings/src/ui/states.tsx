/** Section-level load failures, phrased by what failed to load, on the shared error state. */
import { ErrorState } from '../../../shared/ui';

export function RemoteError({ what, message, code, onRetry }: { what: string; message: string; code?: string; onRetry: () => void }) {
  return <ErrorState title={`Could not load ${what}`} message={message} code={code} onRetry={onRetry} />;
}
