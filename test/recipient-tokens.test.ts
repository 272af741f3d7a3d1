import mjml2html from 'mjml';
import { describe, expect, it, vi } from 'vitest';
import { buildDigest } from '../src/build.js';
import { createPersonalizer } from '../src/render/personalize.js';
import { article, makeWorkspace } from './support/workspace.js';

// Count compiles while keeping the real MJML compiler.
vi.mock('mjml', async (importOriginal) => {
  const original = (await importOriginal()) as { default: typeof mjml2html };
  return { default: vi.fn(original.default) };
});

describe('per-recipient fields', () => {
  it('survive the MJML compile untouched, as Handlebars tokens', async () => {
    const root = await makeWorkspace({ 'a.md': article('Tokens', '2024-03-05') }, { name: 'T', base_url: 'https://example.com/', subscriber_fields: ['company'] });
    const { email } = await buildDigest({ root });
    expect(email.htmlTemplate).toContain('{{subscriber.email}}');
    expect(email.htmlTemplate).toContain('href="{{{unsubscribe_url}}}"');
    expect(email.htmlTemplate).toContain('{{#if subscriber.name}}Hello {{subscriber.name}},{{else}}Hello,{{/if}}');
    expect(email.textTemplate).toContain('{{{unsubscribe_url}}}');
  });

  it('are filled per recipient with one template call each, never another MJML compile', async () => {
    const root = await makeWorkspace({ 'a.md': article('Tokens', '2024-03-05') });
    const compile = vi.mocked(mjml2html);
    compile.mockClear();
    const { email } = await buildDigest({ root });
    expect(compile).toHaveBeenCalledTimes(1);

    const personalize = createPersonalizer(email);
    const ada = personalize({ subscriber: { email: 'ada@example.com', name: 'Ada <Example>' }, unsubscribe_url: 'https://example.com/u?t=a1&x=1' });
    const anon = personalize({ subscriber: { email: 'anon@example.com', name: '' }, unsubscribe_url: 'https://example.com/u?t=b2' });
    expect(compile).toHaveBeenCalledTimes(1);

    expect(ada.html).toContain('Hello Ada &lt;Example&gt;,');
    expect(ada.html).toContain('href="https://example.com/u?t=a1&x=1"');
    expect(ada.text).toContain('Hello Ada <Example>,');
    expect(ada.text).toContain('https://example.com/u?t=a1&x=1');
    expect(anon.html).toMatch(/Hello,/);
    expect(anon.html).toContain('anon@example.com');
    expect(anon.html).not.toContain('{{');
  });

  it('fail loudly when a list lacks a field the theme uses', async () => {
    const root = await makeWorkspace({ 'a.md': article('Tokens', '2024-03-05') });
    const { email } = await buildDigest({ root });
    const personalize = createPersonalizer(email);
    expect(() => personalize({ subscriber: { name: 'No address' }, unsubscribe_url: 'https://example.com/u' })).toThrow(/email/);
  });
});
