import { validatePolicy } from '../../../src/core/policy';
import { calendars, goal, metric, policySpec } from '../evaluate/builders';

/** The errors of a policy built from one metric (or a raw document), as [code, path] pairs. */
function errorsOf(input: unknown): Array<[string, string]> {
  const r = validatePolicy(input);
  return r.ok ? [] : r.error.map((e) => [e.code, e.path]);
}

describe('validatePolicy', () => {
  it('accepts a complete policy and compiles each calendar once', () => {
    const r = validatePolicy(policySpec([metric()]));
    expect(r.ok && [...r.value.calendars.keys()]).toEqual(['24x7', 'cet-9-17']);
  });

  it('rejects an unsupported schema version with POL_SCHEMA_VERSION', () => {
    expect(errorsOf({ ...policySpec([metric()]), schemaVersion: 2 })).toEqual([['POL_SCHEMA_VERSION', 'schemaVersion']]);
  });

  it('rejects a document that is not shaped like a policy with POL_MALFORMED at the field', () => {
    expect(errorsOf({ schemaVersion: 1, name: 'x', metrics: 'none', calendars: [] })).toEqual([['POL_MALFORMED', 'metrics']]);
    expect(errorsOf([])).toEqual([['POL_MALFORMED', '']]);
  });

  it('rejects a calendar entry without an id (POL_CALENDAR)', () => {
    expect(errorsOf(policySpec([metric()], [...calendars(['24x7']), { name: 'nameless' } as never]))).toEqual([['POL_CALENDAR', 'calendars[1]']]);
  });

  it('re-paths calendar errors under calendars[i] and keeps their calendar codes', () => {
    const [cet] = calendars(['cet-9-17']);
    const broken = { ...cet, id: 'cet-9-17', timeZone: 'Mars/Olympus' };
    const errors = errorsOf(policySpec([metric({ goals: [goal({ calendar: { kind: 'fixed', calendarId: 'cet-9-17' } })] })], [broken as never]));
    expect(errors).toContainEqual(['CAL_UNKNOWN_ZONE', 'calendars[0].timeZone']);
    expect(errorsOf(policySpec([metric()], calendars(['24x7', '24x7'])))).toEqual([['CAL_DUPLICATE_ID', 'calendars[1].id']]);
  });

  it('freezes the compiled spec so evaluations cannot alter it', () => {
    const r = validatePolicy(policySpec([metric()]));
    expect(r.ok && Object.isFrozen(r.value.spec.metrics[0]?.goals[0])).toBe(true);
  });
});

describe('validatePolicy input ownership', () => {
  it('leaves the caller\'s document unfrozen', () => {
    const input = policySpec([metric()]);
    expect(validatePolicy(input).ok).toBe(true);
    expect([Object.isFrozen(input.calendars[0]), Object.isFrozen(input.metrics[0])]).toEqual([false, false]);
  });
});
