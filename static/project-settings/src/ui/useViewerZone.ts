/** The viewer's Jira time zone from the host context (`timezone`), else the browser's zone. */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { viewerTimeZone } from '../../../shared/format';

export function zoneOfContext(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const zone = (raw as Record<string, unknown>).timezone;
  return typeof zone === 'string' ? zone : null;
}

async function contextZone(): Promise<string | null> {
  try {
    return zoneOfContext(await view.getContext());
  } catch {
    return null; // outside a host (or an old one): the browser's zone
  }
}

export function useViewerZone(): string {
  const [zone, setZone] = useState(() => viewerTimeZone(null));
  useEffect(() => {
    let live = true;
    void contextZone().then((z) => { if (live && z) setZone(viewerTimeZone(z)); });
    return () => { live = false; };
  }, []);
  return zone;
}
