import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { token as atlaskitToken } from '@atlaskit/tokens';
import { filesUnder } from '../../docs/citations';
import { token } from '../../../static/shared/ui/token';

const staticDir = join(__dirname, '..', '..', '..', 'static');

/** Every `token('name', 'fallback')` call in the UI sources. */
function tokenCalls(): Array<[string, string]> {
  return filesUnder(staticDir, (n) => /\.tsx?$/.test(n)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\btoken\('([^']+)', '([^']*)'\)/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as [string, string]));
}

describe('design tokens', () => {
  it('finds the token calls of the UI sources', () => {
    expect(tokenCalls().length).toBeGreaterThan(30);
  });

  it('names the same CSS variable as @atlaskit/tokens for every token the UIs use', () => {
    const differing = tokenCalls().filter(([name, fallback]) => token(name, fallback) !== atlaskitToken(name as Parameters<typeof atlaskitToken>[0], fallback));
    expect(differing).toEqual([]);
  });

  it('keeps the @atlaskit/tokens runtime out of the UI sources, so its name table stays out of the bundles', () => {
    const importers = filesUnder(staticDir, (n) => /\.tsx?$/.test(n)).filter((f) => /from '@atlaskit\/tokens'/.test(readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });
});
