import { monthLabel, parseGadgetContext, viewerLocale } from '../../../static/dashboard-gadget/src/config';

describe("the gadget's month label", () => {
  it('names the month and year in the viewer locale rather than showing YYYY-MM', () => {
    expect(monthLabel('2026-11', 'en-US')).toBe('November 2026');
    expect(monthLabel('2026-11', 'de-DE')).toBe('November 2026');
    expect(monthLabel('2026-03', 'fr-FR')).toBe('mars 2026');
  });

  it('keeps the calendar month whatever the browser zone, and shows a malformed month as given', () => {
    expect(monthLabel('2026-01', 'en-US')).toBe('January 2026');
    expect(monthLabel('soon', 'en-US')).toBe('soon');
  });

  it("reads Jira's locale from the context, with underscores, and falls back on anything Intl refuses", () => {
    expect(viewerLocale('fr_FR')).toBe('fr-FR');
    expect(viewerLocale('not a locale!')).toBe('en'); // no browser here: the fallback's fallback
    expect(parseGadgetContext({ locale: 'en_GB' }).locale).toBe('en-GB');
  });
});
