/**
 * Theming for both apps. `view.theme.enable()` asks the Jira host to apply its light or dark theme
 * and follow changes; loading the token stylesheets ourselves (from the host's colour mode) keeps the
 * CSS variables defined even where the host does not inject them (the local emulator, older hosts).
 */
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

export type ColorMode = 'light' | 'dark' | 'auto';

export function colorModeOf(context: unknown): ColorMode {
  if (!context || typeof context !== 'object') return 'auto';
  const theme = (context as { theme?: unknown }).theme;
  if (!theme || typeof theme !== 'object') return 'auto';
  const mode = (theme as { colorMode?: unknown }).colorMode;
  return mode === 'light' || mode === 'dark' ? mode : 'auto';
}

/** Never rejects: an app without theming is still usable, so failures only fall back to light tokens. */
export async function enableTheme(context?: unknown): Promise<ColorMode> {
  try {
    await view.theme.enable();
  } catch {
    // Host without theming support: the token fallbacks (light values) apply.
  }
  const colorMode = colorModeOf(context);
  try {
    await setGlobalTheme({ colorMode, light: 'light', dark: 'dark' });
  } catch {
    // Stylesheet failed to load: fallbacks apply.
  }
  return colorMode;
}
