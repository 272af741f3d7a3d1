import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../src/build.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { defaultPreheader } from '../src/issue/digest.js';
import { parseIntro } from '../src/load/intro.js';
import { PREHEADER_SPACER } from '../src/render/context.js';
import { article, makeWorkspace } from './support/workspace.js';

const NOW = () => new Date('2024-02-05T08:00:00Z');

async function workspace(config: Record<string, unknown> = {}, intro: string | null = null): Promise<string> {
  const root = await makeWorkspace(
    {
      'a.md': article('Harbour plan approved', '2024-01-30', undefined, 'featured: true\nkey_points:\n  - The harbour board approved the plan on Monday.\n'),
      'b.md': article('Rail line delayed', '2024-01-31'),
    },
    { name: 'Test Weekly', base_url: 'https://example.com/news/', ...config },
  );
  if (intro !== null) await writeFile(path.join(root, 'articles', '_intro.md'), intro);
  return root;
}

/** The hidden preview block MJML writes first in the body. */
function previewBlock(html: string): string {
  return /<div style="display:none;[^"]*">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
}

describe('the subject and the inbox preview line', () => {
  it('puts the lead story\'s headline in the subject where the title template says {lead}', async () => {
    const { email, message } = await buildDigest({ root: await workspace({ title: '{name}: {lead}' }), now: NOW });
    expect(email.subject).toBe('Test Weekly: Harbour plan approved');
    expect(message.subject).toBe('Test Weekly: Harbour plan approved');
  });

  it('takes one issue\'s subject and preview line from _intro.md front matter, placeholders filled, the body after it', async () => {
    const intro = '---\nsubject: "{lead}, and more in #{number}"\npreheader: Also this week, the rail line.\n---\nHello from the **editor**.\n';
    const { email, preview } = await buildDigest({ root: await workspace({}, intro), now: NOW });
    expect(email.subject).toBe('Harbour plan approved, and more in #1');
    expect(email.preheader).toBe('Also this week, the rail line.');
    expect(previewBlock(preview.html)).toBe(`Also this week, the rail line.${PREHEADER_SPACER}`);
    expect(preview.html).toContain('Hello from the <strong>editor</strong>.');
    expect(preview.html).not.toContain('subject:');
    // Hidden in the HTML, the preview line stays out of the text part.
    expect(preview.text).not.toContain('Also this week, the rail line.');
  });

  it('follows the preview line with invisible spacers, so the inbox never shows the body\'s first words after it', () => {
    expect(PREHEADER_SPACER.match(/&#847;&zwnj;&nbsp;/g)).toHaveLength(60);
  });

  it('defaults to the headlines the subject does not say, never to a key point of the lead', async () => {
    const { email } = await buildDigest({ root: await workspace(), now: NOW });
    expect(email.preheader).toBe('Harbour plan approved · Rail line delayed');
    expect(email.preheader).not.toContain('approved the plan on Monday');
    const { email: withLead } = await buildDigest({ root: await workspace({ title: '{lead}' }), now: NOW });
    expect(withLead.preheader).toBe('Rail line delayed');
  });

  it('says how many more stories there are once the headlines fill the line', () => {
    const headlines = Array.from({ length: 9 }, (_, index) => `Headline number ${index + 1} about the week's news`);
    const line = defaultPreheader(headlines, 'Weekly #5');
    expect(line).toBe('Headline number 1 about the week\'s news · Headline number 2 about the week\'s news · Headline number 3 about the week\'s news · and 6 more');
    expect(line.length).toBeLessThanOrEqual(140);
  });

  it('warns about an unknown front matter field in _intro.md, and stops the build on an invalid one with the line', async () => {
    expect(parseIntro('_intro.md', '---\nsubjet: Hi\n---\nBody\n').diagnostics).toEqual([
      expect.objectContaining({ rule: 'front-matter/unknown-field', field: 'subjet', severity: 'warning', line: 2 }),
    ]);
    expect(parseIntro('_intro.md', 'No front matter, all Markdown.\n')).toMatchObject({ markdown: 'No front matter, all Markdown.\n', subject: null, diagnostics: [] });
    const failure = await buildDigest({ root: await workspace({}, '---\nsubject: Fine\npreheader: ""\n---\nBody\n'), now: NOW }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GazetteError);
    expect((failure as GazetteError).diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter/invalid', field: 'preheader', line: 3 })]);
  });
});
