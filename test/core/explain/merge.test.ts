import { mergeParts } from '../../../src/core/explain/merge';
import type { ExplainPart } from '../../../src/core/explain';

const counted = (from: number, to: number): ExplainPart => ({ kind: 'counted', from, to });
const outside = (from: number, to: number, calendarId = 'cet'): ExplainPart => ({ kind: 'outsideHours', from, to, calendarId, calendarName: 'CET' });

describe('merging explanation parts', () => {
  it('joins touching parts that give the same reason', () => {
    expect(mergeParts([counted(0, 10), counted(10, 20), outside(20, 30), outside(30, 40)])).toEqual([counted(0, 20), outside(20, 40)]);
  });

  it('keeps apart touching parts with different reasons, even of the same kind', () => {
    expect(mergeParts([outside(0, 10, 'cet'), outside(10, 20, 'nyc')])).toEqual([outside(0, 10, 'cet'), outside(10, 20, 'nyc')]);
  });

  it('keeps apart parts with the same reason that do not touch', () => {
    expect(mergeParts([counted(0, 10), counted(11, 20)])).toEqual([counted(0, 10), counted(11, 20)]);
  });

  it('drops empty and reversed parts, and does not change its input', () => {
    const input = [counted(0, 10), outside(10, 10), counted(10, 20), counted(30, 25)];
    expect(mergeParts(input)).toEqual([counted(0, 20)]);
    expect(input[0]).toEqual(counted(0, 10));
  });
});
