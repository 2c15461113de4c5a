import { deepFreeze, isRecord } from '../../../src/core/json';

describe('JSON records', () => {
  it('accepts plain objects and refuses null, arrays and primitives', () => {
    expect([isRecord({}), isRecord({ a: 1 })]).toEqual([true, true]);
    expect([isRecord(null), isRecord([]), isRecord('x'), isRecord(1), isRecord(undefined)]).toEqual([false, false, false, false, false]);
  });
});

describe('deep freezing', () => {
  it('freezes the value and everything nested in it, and returns the same value', () => {
    const doc = { a: { b: [1, { c: 2 }] } };
    expect(deepFreeze(doc)).toBe(doc);
    expect([Object.isFrozen(doc), Object.isFrozen(doc.a), Object.isFrozen(doc.a.b), Object.isFrozen(doc.a.b[1])]).toEqual([true, true, true, true]);
  });

  it('leaves primitives and null as they are', () => {
    expect([deepFreeze(3), deepFreeze('x'), deepFreeze(null)]).toEqual([3, 'x', null]);
  });
});
