import { kvs } from '@forge/kvs';
import type { OutageSourceDto } from '@contract';
import { loadOutageSource, saveOutageSource } from '../../src/store/outageSource';
import { store } from '../fakes/forgeKvs';

const SOURCE: OutageSourceDto = { issueTypeId: '10100', startFieldId: 'customfield_1', endFieldId: 'customfield_2', service: 'API', serviceFieldId: null, customerFieldId: 'customfield_3' };

beforeEach(() => store.reset());

describe('the outage source of a project', () => {
  it('is none until saved, then reads back as saved, per project', async () => {
    expect(await loadOutageSource('1')).toBeNull();
    await saveOutageSource('1', SOURCE);
    expect(await loadOutageSource('1')).toEqual(SOURCE);
    expect(await loadOutageSource('2')).toBeNull();
  });

  it('is removed by saving none', async () => {
    await saveOutageSource('1', SOURCE);
    await saveOutageSource('1', null);
    expect(await loadOutageSource('1')).toBeNull();
    expect(store.plainKeys()).toEqual([]);
  });

  it('reads a stored value of another shape as none, so the admin sets it again', async () => {
    await kvs.set('outage-source:1', { ...SOURCE, startFieldId: '' });
    expect(await loadOutageSource('1')).toBeNull();
    await kvs.set('outage-source:2', { ...SOURCE, serviceFieldId: 7 });
    expect(await loadOutageSource('2')).toBeNull();
    await kvs.set('outage-source:3', 'API');
    expect(await loadOutageSource('3')).toBeNull();
  });

  it('drops stored keys it does not know', async () => {
    await kvs.set('outage-source:1', { ...SOURCE, extra: true });
    expect(await loadOutageSource('1')).toEqual(SOURCE);
  });
});
