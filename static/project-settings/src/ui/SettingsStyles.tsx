/**
 * Layout rules of the settings page, in design tokens (light and dark follow the host theme).
 * A style element rather than a CSS file keeps tests free of CSS transforms, as in the shared kit.
 */
import { token } from '../../../shared/ui/token';
import { colors, radius, space } from '../../../shared/ui';

const css = `
.page { padding: ${space.s200}; max-width: 1200px; }
.page h1 { font-size: 24px; line-height: 28px; margin: 0 0 ${space.s200}; }
.page h2 { font-size: 20px; margin: ${space.s200} 0 ${space.s100}; }
.page h3 { font-size: 16px; margin: 0; }
.editor { border: none; padding: 0; margin: 0; min-width: 0; }
fieldset { border: 1px solid ${colors.border}; border-radius: ${radius}; padding: ${space.s100} ${space.s150}; margin: ${space.s150} 0; }
legend { font-weight: 600; padding: 0 ${space.s050}; }
.card { background: ${colors.surfaceRaised}; box-shadow: ${colors.shadowRaised}; border-radius: ${radius}; padding: ${space.s150}; margin: ${space.s150} 0; list-style: none; }
.card-head { display: flex; align-items: center; gap: ${space.s100}; flex-wrap: wrap; }
.row { display: flex; align-items: flex-start; gap: ${space.s100}; flex-wrap: wrap; margin: ${space.s050} 0; }
.field { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.field-label { font-size: 12px; font-weight: 600; color: ${colors.textSubtle}; }
.field-help, .muted { font-size: 12px; color: ${colors.textSubtlest}; }
.field-error { font-size: 12px; color: ${colors.textDanger}; }
.badge-error { font-size: 11px; font-weight: 700; color: ${colors.textDanger}; background: ${colors.bgDanger}; border-radius: 3px; padding: 0 ${space.s050}; }
.input { font: inherit; color: ${colors.text}; background: ${token('color.background.input', '#FFFFFF')}; border: 1px solid ${token('color.border.input', '#8590A2')}; border-radius: ${radius}; padding: ${space.s050} ${space.s100}; min-height: 32px; box-sizing: border-box; }
.input:focus { outline: 2px solid ${colors.borderFocused}; outline-offset: -1px; }
.input[aria-invalid="true"] { border-color: ${token('color.border.danger', '#E2483D')}; }
.input:disabled { background: ${colors.bgDisabled}; color: ${colors.textDisabled}; }
.input-time { width: 72px; } .input-date { width: 120px; } .input-short { width: 96px; }
.day-row { display: grid; grid-template-columns: 110px 1fr auto; align-items: center; gap: ${space.s100}; padding: ${space.s050} 0; border-bottom: 1px solid ${colors.border}; }
.day-ranges, .range { display: flex; flex-wrap: wrap; gap: ${space.s100}; align-items: center; }
.range > .field-error { flex-basis: 100%; }
.target-row { display: inline-flex; gap: ${space.s050}; flex-wrap: wrap; }
.target { max-width: 260px; }
.field-error { overflow-wrap: anywhere; }
.icon-button { padding: 0 ${space.s100}; }
.menu { position: relative; }
.menu-summary { cursor: pointer; min-height: 32px; display: flex; align-items: center; padding: 0 ${space.s100}; border: 1px solid ${token('color.border.input', '#8590A2')}; border-radius: ${radius}; background: ${token('color.background.input', '#FFFFFF')}; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.menu-summary:focus-visible { outline: 2px solid ${colors.borderFocused}; }
.menu-list { position: absolute; z-index: 10; background: ${token('elevation.surface.overlay', '#FFFFFF')}; box-shadow: ${token('elevation.shadow.overlay', '0 8px 12px #091E4226')}; border-radius: ${radius}; padding: ${space.s100}; max-height: 240px; overflow: auto; min-width: 200px; }
.menu-item, .check { display: flex; align-items: center; gap: ${space.s050}; padding: 2px 0; }
.conditions-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: ${space.s100}; }
.goal-table { width: 100%; border-collapse: collapse; }
.goal-table th { text-align: left; font-size: 12px; color: ${colors.textSubtle}; border-bottom: 2px solid ${colors.border}; padding: ${space.s050}; }
.goal-table td { vertical-align: top; padding: ${space.s100} ${space.s050}; border-bottom: 1px solid ${colors.border}; }
.order { display: flex; align-items: center; gap: 2px; }
.criteria { display: flex; flex-direction: column; gap: ${space.s050}; }
.nested { margin-top: ${space.s050}; padding-left: ${space.s100}; border-left: 2px solid ${colors.border}; }
.inline { display: flex; gap: ${space.s100}; border: none; padding: 0; margin: 0; }
.notice, .banner-warning { background: ${colors.bgWarning}; border-radius: ${radius}; padding: ${space.s150}; margin: ${space.s100} 0; }
.notice { background: ${colors.bgInformation}; }
.save-bar { position: sticky; bottom: 0; background: ${colors.surface}; border-top: 1px solid ${colors.border}; padding: ${space.s100} 0; margin-top: ${space.s200}; }
.timeline { position: relative; height: 10px; background: ${colors.bgNeutral}; border-radius: 3px; overflow: hidden; margin-top: ${space.s050}; }
.timeline-scale { display: flex; justify-content: space-between; font-size: 12px; color: ${colors.textSubtlest}; }
.save-outcome { max-height: 30vh; overflow: auto; }
.card-title { font-weight: 600; font-size: 16px; }
.timeline-open { position: absolute; top: 0; bottom: 0; background: ${colors.bgInformationBold}; }
.preset-list, .preview-list { padding: 0; margin: 0; }
.holiday-preview ul { columns: 2; font-size: 12px; }
.mono { font-family: ${token('font.family.code', 'ui-monospace, Menlo, monospace')}; font-size: 12px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function SettingsStyles() {
  return <style data-testid="settings-styles">{css}</style>;
}
