/**
 * The few rules inline styles cannot express: hover, keyboard focus rings and the page font.
 * Rendered once per app, so components stay plain React with no CSS pipeline (and no CSS mocks in tests).
 */
import { colors, fontFamily, radius, space } from './colors';

const css = `
body { margin: 0; font-family: ${fontFamily}; font-size: 14px; line-height: 20px; color: ${colors.text}; background: ${colors.surface}; }
.sc-button { font: inherit; font-weight: 500; border: none; border-radius: ${radius}; padding: 0 ${space.s150}; height: 32px; cursor: pointer; display: inline-flex; align-items: center; gap: ${space.s050}; }
.sc-button:focus-visible, .sc-tab:focus-visible, .sc-link:focus-visible { outline: 2px solid ${colors.borderFocused}; outline-offset: 2px; }
.sc-button:disabled { cursor: not-allowed; background: ${colors.bgDisabled}; color: ${colors.textDisabled}; }
.sc-button--default { background: ${colors.bgNeutral}; color: ${colors.textSubtle}; }
.sc-button--default:hover:not(:disabled) { background: ${colors.bgNeutralHovered}; }
.sc-button--primary { background: ${colors.bgBrandBold}; color: ${colors.textInverse}; }
.sc-button--primary:hover:not(:disabled) { background: ${colors.bgBrandBoldHovered}; }
.sc-button--subtle { background: transparent; color: ${colors.textSubtle}; }
.sc-button--subtle:hover:not(:disabled) { background: ${colors.bgNeutralSubtleHovered}; }
.sc-button--danger { background: ${colors.bgDangerBold}; color: ${colors.textInverse}; }
.sc-button--link { background: transparent; color: ${colors.link}; padding: 0; height: auto; }
.sc-button--link:hover:not(:disabled) { text-decoration: underline; }
.sc-tab { font: inherit; background: transparent; border: none; border-bottom: 2px solid transparent; padding: ${space.s100} ${space.s150}; color: ${colors.textSubtle}; cursor: pointer; font-weight: 500; }
.sc-tab[aria-selected="true"] { color: ${colors.link}; border-bottom-color: ${colors.link}; }
.sc-tab:hover { color: ${colors.text}; }
@keyframes sc-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .sc-spinner { animation: none !important; } }
`;

export function GlobalStyles() {
  return <style data-testid="sc-global-styles">{css}</style>;
}
