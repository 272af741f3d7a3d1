import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { article, makeWorkspace } from './support/workspace.js';

describe('the issue introduction (_intro.md)', () => {
  it('resolves relative links and images against base_url and tags links with UTM, so no link is left relative', async () => {
    const root = await makeWorkspace(
      {
        'a.md': article('Harbour', '2024-03-05'),
        '_intro.md': 'See [the archive](archive/), [a story](#2024-03-05-a), [write to us](mailto:ed@example.com) and ![Our logo](img/logo.png).\n',
      },
      { name: 'T', base_url: 'https://example.com/news/', utm: { source: 'gazette' } },
    );
    const { preview, diagnostics } = await buildDigest({ root });
    expect(preview.html).toContain('href="https://example.com/news/archive/?utm_source=gazette&amp;utm_medium=email&amp;utm_campaign=2024-W10"');
    expect(preview.html).toContain('src="https://example.com/news/img/logo.png"');
    expect(preview.html).toContain('href="mailto:ed@example.com"');
    expect(preview.html).toContain('href="#2024-03-05-a"');
    expect(diagnostics.filter((d) => d.rule === 'html/relative-url')).toEqual([]);
  });
});
