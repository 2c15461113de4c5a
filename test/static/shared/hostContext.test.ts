import { view } from '@forge/bridge';
import { hostContext } from '../../../static/shared/hostContext';

jest.mock('@forge/bridge', () => ({ view: { getContext: jest.fn() } }));
const getContext = view.getContext as jest.Mock;

describe('the host context of an app', () => {
  it('is what the host answers', async () => {
    getContext.mockResolvedValueOnce({ theme: { colorMode: 'dark' } });
    expect(await hostContext()).toEqual({ theme: { colorMode: 'dark' } });
  });

  it('is null outside a host, so the app still renders', async () => {
    getContext.mockRejectedValueOnce(new Error('no host'));
    expect(await hostContext()).toBeNull();
  });
});
