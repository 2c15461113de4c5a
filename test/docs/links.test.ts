import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder } from './citations';

const root = resolve(__dirname, '..', '..');
const docs = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), (n) => n.endsWith('.md'))];

/** Relative link targets of a markdown text (links and images), anchors and queries dropped. */
export function relativeLinks(text: string): string[] {
  const plain = text.replace(/```[\s\S]*?```/g, '');
  return [...plain.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? '')
    .filter((href) => !/^[a-z]+:|^#|^\/\//i.test(href))
    .map((href) => href.replace(/[#?].*$/, ''));
}

describe('links in the docs', () => {
  it('reads relative links and images, not web addresses or anchors', () => {
    expect(relativeLinks('[a](docs/a.md#x) ![p](img/p.png) [w](https://x.org) [t](#top)')).toEqual(['docs/a.md', 'img/p.png']);
  });

  it('point at files that exist', () => {
    const broken = docs.flatMap((doc) =>
      relativeLinks(readFileSync(doc, 'utf8'))
        .filter((href) => !existsSync(join(dirname(doc), href)))
        .map((href) => `${relative(root, doc)} -> ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
