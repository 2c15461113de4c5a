import { kvs } from '@forge/kvs';
import { setShowsCustomers, showsCustomers } from '../../src/store/customerView';
import { store } from '../fakes/forgeKvs';

describe('the per-project switch that shows customers their SLA', () => {
  beforeEach(() => store.reset());

  it('is on when nothing is stored', async () => {
    expect(await showsCustomers('10000')).toBe(true);
  });

  it('turns off and on again, per project', async () => {
    await setShowsCustomers('10000', false);
    expect(await showsCustomers('10000')).toBe(false);
    expect(await showsCustomers('10001')).toBe(true);
    await setShowsCustomers('10000', true);
    expect(await showsCustomers('10000')).toBe(true);
  });

  it('reads an unreadable stored value as on, the default', async () => {
    await kvs.set('customer-view:10000', 'off');
    expect(await showsCustomers('10000')).toBe(true);
    await kvs.set('customer-view:10000', { show: 'no' });
    expect(await showsCustomers('10000')).toBe(true);
  });
});
