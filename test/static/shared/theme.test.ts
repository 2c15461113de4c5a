/** @jest-environment jsdom */
import { view } from '@forge/bridge';
import { colorModeOf, enableTheme, resolveColorMode } from '../../../static/shared/theme';

jest.mock('@forge/bridge', () => ({ view: { theme: { enable: jest.fn() } } }));

const enableMock = view.theme.enable as jest.MockedFunction<typeof view.theme.enable>;

beforeEach(() => {
  document.documentElement.removeAttribute('data-color-mode');
  document.documentElement.removeAttribute('data-theme');
  document.head.innerHTML = '';
  enableMock.mockReset();
});

describe('theme setup', () => {
  it('reads the colour mode from the host context and treats anything else as auto', () => {
    expect(colorModeOf({ theme: { colorMode: 'dark' } })).toBe('dark');
    expect(colorModeOf({ theme: { colorMode: 'sepia' } })).toBe('auto');
    expect(colorModeOf(null)).toBe('auto');
  });

  it('follows the system preference in auto mode', () => {
    expect(resolveColorMode('auto', () => true)).toBe('dark');
    expect(resolveColorMode('auto', () => false)).toBe('light');
    expect(resolveColorMode('light', () => true)).toBe('light');
  });

  it('enables host theming, injects the token stylesheets and applies the dark mode the host asks for', async () => {
    const mode = await enableTheme({ theme: { colorMode: 'dark' } }, async () => ['html { --ds-text: #fff; }']);
    expect(enableMock).toHaveBeenCalled();
    expect(mode).toBe('dark');
    expect(document.documentElement.getAttribute('data-color-mode')).toBe('dark');
    expect(document.documentElement.getAttribute('data-theme')).toContain('dark:dark');
    expect(document.head.querySelector('style[data-sla-clock-tokens]')?.textContent).toContain('--ds-text');
  });

  it('still renders with fallbacks when the host has no theming and the stylesheet fails', async () => {
    enableMock.mockRejectedValue(new Error('not supported'));
    const mode = await enableTheme({ theme: { colorMode: 'light' } }, async () => { throw new Error('chunk failed'); });
    expect(mode).toBe('light');
    expect(document.documentElement.getAttribute('data-color-mode')).toBe('light');
  });

  it('keeps a colour mode the host already set when the context does not say', async () => {
    document.documentElement.setAttribute('data-color-mode', 'dark');
    await enableTheme({}, async () => []);
    expect(document.documentElement.getAttribute('data-color-mode')).toBe('dark');
  });
});
