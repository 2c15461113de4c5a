/**
 * "Show customers their SLA": whether portal customers see the promise ("We will respond by …") in
 * the issue panel. Saved at once, on its own, so it never mixes with an unsaved policy draft; the
 * server checks the admin permission again.
 */
import { useState } from 'react';
import { call } from '../../shared/api';

export function CustomerSwitch({ initial, canEdit }: { initial: boolean; canEdit: boolean }) {
  const [shown, setShown] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (show: boolean) => {
    setSaving(true);
    setError(null);
    const res = await call('settings.setCustomerView', { show });
    setSaving(false);
    if (res.ok) setShown(res.data.showCustomers);
    else setError(`Not changed: ${res.error.message}`);
  };
  return (
    <section aria-labelledby="customer-view-title" data-testid="customer-switch" style={{ margin: '0 0 16px' }}>
      <label className="check" id="customer-view-title">
        <input type="checkbox" checked={shown} disabled={!canEdit || saving} onChange={(e) => void change(e.target.checked)} data-testid="show-customers" />{' '}
        Show customers their SLA
      </label>
      <p className="muted" style={{ margin: '4px 0 0' }}>
        {shown
          ? 'Customers see when you promise to respond and resolve, in their own time zone, and whether you kept it. They never see goal, calendar or status names.'
          : 'Customers see no SLA information on their requests.'}
      </p>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
