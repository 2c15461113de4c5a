import { findPreset, instantiatePreset } from '../../../src/core/policy';
import { SITE } from './metadata';

describe('policy presets', () => {
  it('finds presets by id and treats an unknown id as a caller bug', () => {
    expect(findPreset('deiser')?.name).toMatch(/business day/);
    expect(findPreset('nope')).toBeNull();
    expect(() => instantiatePreset('nope', SITE)).toThrow(RangeError);
  });
});
