import mjml2html from 'mjml';
import { describe, expect, it, vi } from 'vitest';
import { buildDigest } from '../src/build.js';
import { createPersonalizer } from '../src/message/personalize.js';
import { article, makeWorkspace } from './support/workspace.js';

// Count compiles while keeping the real MJML compiler.
vi.mock('mjml', async (importOriginal) => {
  const original = (await importOriginal()) as { default: typeof mjml2html };
  return { default: vi.fn(original.default) };
});

const ada = { subscriber: { email: 'ada@example.com', name: 'Ada <Example>' }, unsubscribe_url: 'https://example.com/u?t=a1&x=1' };
const anon = { subscriber: { email: 'anon@example.com', name: '' }, unsubscribe_url: 'https://example.com/u?t=b2' };

describe('per-recipient fields', () => {
  it('survive the MJML compile as markers of this build, and the theme block as its own source', async () => {
    const root = await makeWorkspace({ 'a.md': article('Tokens', '2024-03-05') }, { name: 'T', base_url: 'https://example.com/', subscriber_fields: ['company'] });
    const { email } = await buildDigest({ root });
    expect(email.recipientMarker).toMatch(/^\[\[gz:[0-9a-f]{16}:$/);
    expect(email.htmlTemplate).toContain(`${email.recipientMarker}subscriber.email]]`);
    expect(email.htmlTemplate).toContain(`href="${email.recipientMarker}unsubscribe_url]]"`);
    expect(email.htmlTemplate).toContain(`${email.recipientMarker}#recipient]]{{#if subscriber.name}}Hello {{subscriber.name}},{{else}}Hello,{{/if}}${email.recipientMarker}/recipient]]`);
    expect(email.textTemplate).toContain(`${email.recipientMarker}unsubscribe_url]]`);
  });

  it('are filled per recipient by substitution, never another MJML compile', async () => {
    const root = await makeWorkspace({ 'a.md': article('Tokens', '2024-03-05') });
    const compile = vi.mocked(mjml2html);
    compile.mockClear();
    const { email } = await buildDigest({ root });
    expect(compile).toHaveBeenCalledTimes(1);

    const personalize = createPersonalizer(email);
    const forAda = personalize(ada);
    const forAnon = personalize(anon);
    expect(compile).toHaveBeenCalledTimes(1);

    expect(forAda.html).toContain('Hello Ada &lt;Example&gt;,');
    expect(forAda.html).toContain('href="https://example.com/u?t=a1&amp;x=1"');
    expect(forAda.text).toContain('Hello Ada <Example>,');
    expect(forAda.text).toContain('https://example.com/u?t=a1&x=1');
    expect(forAnon.html).toMatch(/Hello,/);
    expect(forAnon.html).toContain('anon@example.com');
    expect(forAnon.html).not.toContain('[[gz:');
    expect(forAnon.text).not.toContain('[[gz:');
  });

  it('fail loudly when a list lacks a field the theme uses', async () => {
    const root = await makeWorkspace({ 'a.md': article('Tokens', '2024-03-05') });
    const { email } = await buildDigest({ root });
    const personalize = createPersonalizer(email);
    expect(() => personalize({ subscriber: { name: 'No address' }, unsubscribe_url: 'https://example.com/u' })).toThrow(/subscriber\.email/);
  });
});

describe('content is data, never a template', () => {
  const hostile = [
    'Our form showed {{subscriber.email}} to everyone, and {{{unsubscribe_url}}} too.',
    'A stray {{#if}} or {{/each}} once broke the build, as did {{> partial}} and {{foo}}.',
    'The page ran <script>alert(1)</script> when the name was "<b>bold</b>" & more.',
  ].join('\n\n');

  it('shows braces and markup from titles, bodies, front matter and the intro exactly as written, for every recipient', async () => {
    const root = await makeWorkspace(
      {
        'a.md': article('When {{subscriber.name}} met <script>', '2024-03-05', hostile, 'source: "{{#each x}} Weekly"\nauthor: "{{lookup . \'x\'}}"\nkey_points: ["{{subscriber.email}} leaked", "A <b>bold</b> & {{{raw}}} point."]\nquotes: [{ text: "Say {{unsubscribe_url}}", speaker: "{{subscriber.name}}" }]\n'),
        '_intro.md': 'This week: {{subscriber.email}}, {{#if x}}, and <script>alert("intro")</script><img src=x onerror="alert(1)"> [a link](javascript:alert(1)).',
      },
      { name: 'Braces {{subscriber.name}} Weekly', base_url: 'https://example.com/' },
    );
    const { email } = await buildDigest({ root });
    const personalize = createPersonalizer(email);
    for (const values of [ada, anon]) {
      const { html, text } = personalize(values);
      for (const literal of ['When {{subscriber.name}} met &lt;script&gt;', '{{subscriber.email}} leaked', '{{{raw}}}', 'Say {{unsubscribe_url}}', '{{#each x}} Weekly', 'Braces {{subscriber.name}} Weekly', 'This week: {{subscriber.email}}, {{#if x}}']) {
        expect(html).toContain(literal);
      }
      for (const literal of ['When {{subscriber.name}} met <script>', '{{subscriber.email}} leaked', 'A <b>bold</b> & {{{raw}}} point.', 'Say {{unsubscribe_url}}', 'This week: {{subscriber.email}}, {{#if x}}']) {
        expect(text).toContain(literal);
      }
      expect(html).not.toContain(values.subscriber.email === 'ada@example.com' ? 'ada@example.com leaked' : 'anon@example.com leaked');
      expect(html).not.toMatch(/<script|onerror|javascript:/i);
      expect(text).not.toMatch(/alert\("intro"\)|javascript:/);
    }
  });

  it('cannot forge a marker: a marker-shaped string in an article stays text', async () => {
    const first = await buildDigest({ root: await makeWorkspace({ 'a.md': article('Forged', '2024-03-05') }) });
    const forged = `${first.email.recipientMarker}subscriber.email]] and [[gz:0000000000000000:unsubscribe_url]]`;
    const root = await makeWorkspace({ 'a.md': article('Forged', '2024-03-05', `${forged}. A second sentence here. A third one too.`, `key_points: [${JSON.stringify(forged)}]\n`) });
    const { email, diagnostics } = await buildDigest({ root });
    expect(email.recipientMarker).not.toBe(first.email.recipientMarker);
    const { html } = createPersonalizer(email)(ada);
    expect(html).toContain(forged);
    // The quoted markers are content: no "field was not filled" warning blames the theme.
    expect(diagnostics.filter((d) => d.rule === 'html/unresolved-token')).toEqual([]);
  });
});
