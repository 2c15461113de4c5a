/**
 * Theming for both apps. `view.theme.enable()` asks the Jira host to apply its light or dark theme
 * and follow its changes. We also inject the token stylesheets ourselves, keyed to the same
 * <html> attributes, so the CSS variables exist where the host does not provide them (the local
 * emulator). We load the generated CSS directly rather than via setGlobalTheme, whose
 * feature-flag client would triple the bundle.
 */
import { view } from '@forge/bridge';

export type ColorMode = 'light' | 'dark' | 'auto';

export function colorModeOf(context: unknown): ColorMode {
  if (!context || typeof context !== 'object') return 'auto';
  const theme = (context as { theme?: unknown }).theme;
  if (!theme || typeof theme !== 'object') return 'auto';
  const mode = (theme as { colorMode?: unknown }).colorMode;
  return mode === 'light' || mode === 'dark' ? mode : 'auto';
}

export type ThemeCssLoader = () => Promise<string[]>;

/** Both colour themes are loaded (one chunk), so a later host switch only flips the attribute. */
export const loadTokenCss: ThemeCssLoader = async () => (await import('./tokenCss')).tokenSheets;

/**
 * Starts the stylesheet download now (an entry calls this before asking the host for its context,
 * so the two waits overlap) and returns a loader for enableTheme that hands over the same download.
 */
export function preloadTokenCss(load: ThemeCssLoader = loadTokenCss): ThemeCssLoader {
  const sheets = load();
  sheets.catch(() => undefined); // consumed (and its failure handled) by enableTheme
  return () => sheets;
}

export function resolveColorMode(mode: ColorMode, prefersDark: () => boolean = systemPrefersDark): 'light' | 'dark' {
  if (mode !== 'auto') return mode;
  return prefersDark() ? 'dark' : 'light';
}

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Sets the attributes the token stylesheets select on; the host's own theming uses the same ones. */
export function applyThemeAttributes(root: HTMLElement, mode: 'light' | 'dark'): void {
  root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing shape:shape typography:typography');
  root.setAttribute('data-color-mode', mode);
}

/** Never rejects: an app without theming is still usable, with the light fallbacks of every token. */
export async function enableTheme(context?: unknown, loadCss: ThemeCssLoader = loadTokenCss): Promise<'light' | 'dark'> {
  try {
    await view.theme.enable();
  } catch {
    // Host without theming support.
  }
  const requested = colorModeOf(context);
  const mode = resolveColorMode(requested);
  try {
    const sheets = await loadCss();
    const style = document.createElement('style');
    style.setAttribute('data-sla-clock-tokens', '');
    style.textContent = sheets.join('\n');
    document.head.appendChild(style);
  } catch {
    // Stylesheet chunk failed to load: fallbacks apply.
  }
  // An explicit mode from the host context wins; otherwise keep whatever the host already set.
  const root = document.documentElement;
  if (requested !== 'auto' || !root.hasAttribute('data-color-mode')) applyThemeAttributes(root, mode);
  return mode;
}
