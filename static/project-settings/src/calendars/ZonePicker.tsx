/** Time zone picker over the browser's IANA zone list, keeping an unknown stored zone visible. */
import type { ControlProps } from '../ui/Field';

let cachedZones: string[] | null = null;

export function timeZones(): string[] {
  if (!cachedZones) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
    const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
    // Some engines leave UTC out of the list although every calendar may use it.
    cachedZones = zones.includes('UTC') ? zones : ['UTC', ...zones];
  }
  return cachedZones;
}

interface ZonePickerProps extends ControlProps { value: string; onChange: (zone: string) => void }

export function ZonePicker({ value, onChange, ...control }: ZonePickerProps) {
  const zones = timeZones();
  const options = zones.includes(value) ? zones : [value, ...zones];
  return (
    <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
    </select>
  );
}
