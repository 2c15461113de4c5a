/**
 * Country names in English through the browser's Intl.DisplayNames: the holiday data names each
 * country in its own language ("Deutschland", "日本"), which an English page should not show.
 */
let display: Intl.DisplayNames | null | undefined;

function regionNames(): Intl.DisplayNames | null {
  if (display === undefined) {
    try {
      display = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      display = null; // an old browser: the caller's own name is used
    }
  }
  return display;
}

/**
 * The English name of an ISO 3166 country code, else `fallback` cleaned of stray escapes.
 * @example countryName('DE', 'Deutschland') // "Germany"
 */
export function countryName(code: string, fallback = code): string {
  try {
    const name = regionNames()?.of(code.toUpperCase());
    if (name && name !== code.toUpperCase()) return name;
  } catch {
    // not a region code Intl knows
  }
  return fallback.replace(/\\/g, '').trim() || code;
}

/** Countries sorted by their English names, for pickers. */
export function byEnglishName<T extends { id: string; name: string }>(list: readonly T[]): Array<T & { name: string }> {
  return list.map((c) => ({ ...c, name: countryName(c.id, c.name) })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
