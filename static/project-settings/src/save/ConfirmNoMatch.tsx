/** Asked before a save that would leave a metric whose goals can match no issue (its clock would never run). */
import { Button } from '../../../shared/ui';

interface Props { metrics: readonly string[]; onConfirm: () => void; onCancel: () => void }

export function ConfirmNoMatch({ metrics, onConfirm, onCancel }: Props) {
  const list = metrics.map((m) => `"${m}"`).join(', ');
  return (
    <div className="banner-warning" role="alertdialog" aria-labelledby="confirm-no-match-text" data-testid="confirm-no-match">
      <p id="confirm-no-match-text" style={{ margin: 0 }}>
        <strong>{metrics.length === 1 ? `Metric ${list} matches no issue.` : `Metrics ${list} match no issue.`}</strong> None of
        {metrics.length === 1 ? ' its' : ' their'} goals applies to any issue of this project, so {metrics.length === 1 ? 'this clock' : 'these clocks'} will
        show "No goal" on every issue. Save anyway?
      </p>
      <div className="row">
        <Button appearance="primary" onClick={onConfirm} data-testid="confirm-save-anyway">Save anyway</Button>
        <Button onClick={onCancel} autoFocus>Keep editing</Button>
      </div>
    </div>
  );
}
