/**
 * Design tokens with light-theme fallbacks: the CSS variables come from the host theme (or
 * setGlobalTheme), and the fallbacks keep the UI legible if the theme stylesheet has not loaded.
 */
import { token } from './token';

export const colors = {
  text: token('color.text', '#172B4D'),
  textSubtle: token('color.text.subtle', '#44546F'),
  textSubtlest: token('color.text.subtlest', '#626F86'),
  textInverse: token('color.text.inverse', '#FFFFFF'),
  textDanger: token('color.text.danger', '#AE2E24'),
  textWarning: token('color.text.warning', '#A54800'),
  textSuccess: token('color.text.success', '#216E4E'),
  textInformation: token('color.text.information', '#0055CC'),
  textDiscovery: token('color.text.discovery', '#5E4DB2'),
  link: token('color.link', '#0C66E4'),
  surface: token('elevation.surface', '#FFFFFF'),
  surfaceRaised: token('elevation.surface.raised', '#FFFFFF'),
  shadowRaised: token('elevation.shadow.raised', '0px 1px 1px #091E4240, 0px 0px 1px #091E424F'),
  border: token('color.border', '#091E4224'),
  borderFocused: token('color.border.focused', '#388BFF'),
  bgNeutral: token('color.background.neutral', '#091E420F'),
  bgNeutralHovered: token('color.background.neutral.hovered', '#091E4224'),
  bgNeutralBold: token('color.background.neutral.bold', '#44546F'),
  bgNeutralSubtleHovered: token('color.background.neutral.subtle.hovered', '#091E420F'),
  bgBrandBold: token('color.background.brand.bold', '#0C66E4'),
  bgBrandBoldHovered: token('color.background.brand.bold.hovered', '#0055CC'),
  bgSelected: token('color.background.selected', '#E9F2FF'),
  bgInformation: token('color.background.information', '#E9F2FF'),
  bgInformationBold: token('color.background.information.bold', '#0C66E4'),
  bgSuccess: token('color.background.success', '#DCFFF1'),
  bgSuccessBold: token('color.background.success.bold', '#1F845A'),
  bgWarning: token('color.background.warning', '#FFF7D6'),
  bgWarningBold: token('color.background.warning.bold', '#F5CD47'),
  bgDanger: token('color.background.danger', '#FFECEB'),
  bgDangerBold: token('color.background.danger.bold', '#C9372C'),
  bgDiscovery: token('color.background.discovery', '#F3F0FF'),
  bgDisabled: token('color.background.disabled', '#091E4208'),
  textDisabled: token('color.text.disabled', '#091E424F'),
  iconSubtle: token('color.icon.subtle', '#626F86'),
} as const;

export const space = {
  s050: token('space.050', '4px'),
  s100: token('space.100', '8px'),
  s150: token('space.150', '12px'),
  s200: token('space.200', '16px'),
  s300: token('space.300', '24px'),
} as const;

export const radius = token('radius.small', '4px');
export const fontFamily = token('font.family.body', 'ui-sans-serif, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif');
