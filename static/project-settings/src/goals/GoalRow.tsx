/** One goal: order buttons, name, criteria, target as a number and a unit, calendar. */
import type { CalendarSpec, Goal } from '@core/browser';
import { Button } from '../../../shared/ui';
import { useMetadata } from '../model/metadata';
import { whyMatchesNothing } from '../presets/mapping';
import { Field, IssuesAt } from '../ui/Field';
import { CalendarRefPicker } from './CalendarRefPicker';
import { Criteria } from './Criteria';
import { TargetInput } from './TargetInput';

interface Props {
  goal: Goal; index: number; count: number; path: string; calendars: readonly CalendarSpec[];
  onChange: (g: Goal) => void; onMove: (dir: 'up' | 'down') => void; onRemove: () => void;
}

export function GoalRow({ goal, index, count, path, calendars, onChange, onMove, onRemove }: Props) {
  const name = goal.name || `goal ${index + 1}`;
  const nothing = whyMatchesNothing(goal.match, useMetadata());
  return (
    <tr data-testid={`goal-row-${goal.id}`}>
      <td>
        <div className="order">
          <span className="muted">{index + 1}</span>
          <Button appearance="subtle" id={`goal-move-up-${goal.id}`} aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove('up')}>↑</Button>
          <Button appearance="subtle" id={`goal-move-down-${goal.id}`} aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove('down')}>↓</Button>
        </div>
      </td>
      <td>
        <Field label={`Name of goal ${index + 1}`} hideLabel path={`${path}.name`} render={(p) => (
          <input {...p} className="input" value={goal.name} onChange={(e) => onChange({ ...goal, name: e.target.value })} />
        )} />
        <IssuesAt path={path} />
      </td>
      <td>
        {nothing && <div className="badge-error" data-testid={`goal-matches-nothing-${goal.id}`}>Matches no issue: {nothing}</div>}
        <Criteria match={goal.match} label={name} path={`${path}.match`} onChange={(match) => onChange({ ...goal, match })} />
      </td>
      <td><TargetInput goal={goal} label={name} path={`${path}.target`} onChange={onChange} /></td>
      <td><CalendarRefPicker value={goal.calendar} label={name} path={`${path}.calendar`} calendars={calendars} onChange={(calendar) => onChange({ ...goal, calendar })} /></td>
      <td><Button appearance="subtle" aria-label={`Delete ${name}`} onClick={onRemove}>Delete</Button></td>
    </tr>
  );
}
