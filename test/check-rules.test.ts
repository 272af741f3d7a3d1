import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssue } from '../src/check/check-issue.js';
import { systemEnvironment } from '../src/check/environment.js';
import { parseHtml } from '../src/check/html-document.js';
import { quickCheck } from '../src/check/quick.js';
import type { CheckGroup } from '../src/check/rule-set.js';
import { EMAIL_HTML_RULES } from '../src/check/rules/html-validate.js';
import type { GazetteConfig } from '../src/config.js';
import { REPO } from './support/workspace.js';
import { FILES, fixtureEml, fixtureHtml, fixtureSubject, LIST_HEADERS, lineOf, type FixtureMessage } from './fixtures/check/fixture-message.js';

const BASE = fixtureHtml('base.html');

/** The findings of some groups on a fixture message: the static groups need no browser or SpamAssassin. */
async function findings(fixture: FixtureMessage, groups: CheckGroup[], config: Partial<GazetteConfig> = {}) {
  const report = await checkIssue(await fixtureSubject(await fixtureEml(fixture), config), systemEnvironment(), { groups });
  return report.findings;
}

const STATIC_GROUPS: CheckGroup[] = ['size', 'mime', 'links', 'accessibility', 'content'];

describe('the clean fixture', () => {
  it('trips no static rule', async () => {
    expect(await findings({ html: BASE }, STATIC_GROUPS)).toEqual([]);
  });
});

describe('size', () => {
  it('reports a 150 KB issue as an error at its largest block, naming the largest contributors', async () => {
    const story = `<p>${'A paragraph long enough to weigh something in the final message. '.repeat(20)}</p>\n`;
    const html = BASE.replace('<p>You receive this because', `</td></tr><tr><td>\n<h2>The very long story</h2>\n${story.repeat(120)}</td></tr><tr><td>\n<p>You receive this because`);
    expect(Buffer.byteLength(html)).toBeGreaterThan(150 * 1024);
    const [size, ...rest] = await findings({ html }, ['size']);
    expect(rest).toEqual([]);
    expect(size).toMatchObject({ rule: 'html/size', severity: 'error', file: FILES.html, line: lineOf(html, '</td></tr><tr><td>') });
    expect(size!.message).toMatch(/the HTML is 1\d\d\.\d KB, over the 100\.0 KB budget/);
    expect(size!.message).toMatch(/Largest parts: "The very long story" 15\d\.\d KB, "Fixture Weekly" \d\.\d KB/);
    expect(size!.message).toMatch(/inline style attributes make up [\d.]+ KB/);
  });

  it('respects max_html_bytes from the config', async () => {
    expect(await findings({ html: BASE }, ['size'], { max_html_bytes: 2048 })).toEqual([expect.objectContaining({ rule: 'html/size' })]);
  });
});

describe('links', () => {
  it('reports a relative link as an error at its line', async () => {
    const html = fixtureHtml('relative-link.html');
    expect(await findings({ html }, ['links'])).toEqual([
      expect.objectContaining({ rule: 'html/relative-url', severity: 'error', file: FILES.html, line: lineOf(html, 'href="/stories/river"'), message: expect.stringContaining('set base_url') }),
    ]);
  });

  it('reports non-http(s) links and data: images, but not in-page anchors, mailto or cid', async () => {
    const html = BASE.replace(
      '<p>You receive',
      '<p><a href="#top">Top</a> <a href="mailto:editor@example.com">Write</a> <a href="ftp://example.com/file">File</a> <img src="cid:logo" alt="Logo"> <img src="data:image/png;base64,AAAA" alt="Dot"></p>\n<p>You receive',
    );
    const found = await findings({ html }, ['links']);
    expect(found.map((finding) => finding.message)).toEqual([expect.stringContaining('ftp://example.com/file'), expect.stringContaining('data:image/png')]);
    expect(found.every((finding) => finding.rule === 'html/relative-url' && finding.severity === 'error')).toBe(true);
  });

  it('reports an unfilled per-recipient marker at its line and column, and never braces an article quotes', async () => {
    const html = BASE.replace('Three short stories', 'Hello [[gz:0123456789abcdef:subscriber.nickname]], three stories about {{double braces}}');
    const line = lineOf(html, '[[gz:');
    const column = html.split('\n')[line - 1]!.indexOf('[[gz:') + 1;
    expect(await findings({ html }, ['links'])).toEqual([
      expect.objectContaining({ rule: 'html/unresolved-token', severity: 'error', line, column, message: expect.stringContaining('"subscriber.nickname"') }),
    ]);
  });

  it('reports script, forms, frames, event handlers and javascript:/data: links a theme adds, each at its element', async () => {
    const html = BASE.replace(
      '<p>You receive',
      [
        '<script>track()</script>',
        '<p onclick="steal()">Tap</p>',
        '<a href=" JaVa\tScript:alert(1)">Go</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">Open</a>',
        '<iframe src="https://example.com/embed"></iframe>',
        '<form action="https://example.com/f"><input name="q"></form>',
        '<img alt="A" src="https://example.com/a.png" srcset="https://example.com/a.png 1x, javascript:alert(1) 2x">',
        '<td style="background:url( \'javascript:alert(1)\')">x</td>',
        '<td style="width:expr\\65 ssion(alert(1))">escaped</td>',
        '<td style="background:url(java\\73 cript:alert(1))">escaped url</td>',
        '<td style="font-family:expression\\28 x">an escaped parenthesis is a name, not a call</td>',
        '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>svg</text></a></svg>',
        '<p>You receive',
      ].join('\n'),
    );
    const found = (await findings({ html }, ['links'])).filter((finding) => finding.rule === 'html/unsafe');
    expect(found.map((finding) => [finding.line, finding.severity])).toEqual([
      [lineOf(html, '<script>'), 'error'],
      [lineOf(html, 'onclick'), 'error'],
      [lineOf(html, 'JaVa'), 'error'],
      [lineOf(html, 'data:text/html'), 'error'],
      [lineOf(html, '<iframe'), 'error'],
      [lineOf(html, '<form'), 'error'],
      [lineOf(html, '<form'), 'error'],
      [lineOf(html, 'srcset'), 'error'],
      [lineOf(html, "url( 'javascript"), 'error'],
      [lineOf(html, 'expr\\65'), 'error'],
      [lineOf(html, 'java\\73'), 'error'],
      [lineOf(html, '<set'), 'error'],
    ]);
    expect(found.map((finding) => finding.message).join('\n')).toMatch(/<script>[\s\S]*onclick[\s\S]*javascript: URL[\s\S]*data: URL[\s\S]*<iframe>[\s\S]*<form>[\s\S]*<input>/);
  });

  it('reports a link without text, but not one named by its image alt', async () => {
    const html = BASE.replace('<p>You receive', '<p><a href="https://example.com/a?utm_source=g&amp;utm_medium=e&amp;utm_campaign=c"></a></p>\n<p>You receive');
    expect(await findings({ html }, ['links'])).toEqual([expect.objectContaining({ rule: 'link/empty-text', severity: 'warning', line: lineOf(html, 'href="https://example.com/a?') })]);
    expect(await findings({ html: fixtureHtml('image-only.html') }, ['links'])).toEqual([]);
  });

  it('reports links without UTM parameters when utm is configured, and only then', async () => {
    const html = BASE.replace('?utm_source=gazette&amp;utm_medium=email&amp;utm_campaign=fixture', '?utm_source=gazette');
    expect(await findings({ html }, ['links'])).toEqual([
      expect.objectContaining({ rule: 'link/utm', severity: 'warning', line: lineOf(html, 'stories/river?utm_source=gazette"'), message: expect.stringContaining('utm_medium, utm_campaign') }),
    ]);
    expect(await findings({ html }, ['links'], { utm: null })).toEqual([]);
  });

  it('reports an email without an unsubscribe link', async () => {
    const html = BASE.replace('<a href="https://example.com/unsubscribe?token=abc">Unsubscribe</a>', '');
    expect(await findings({ html }, ['links'])).toEqual([expect.objectContaining({ rule: 'link/unsubscribe', severity: 'error', file: FILES.html })]);
  });
});

describe('accessibility', () => {
  it('reports an image without alt as an error at the image', async () => {
    const html = fixtureHtml('image-without-alt.html');
    expect(await findings({ html }, ['accessibility'])).toEqual([
      expect.objectContaining({ rule: 'a11y/img-alt', severity: 'error', file: FILES.html, line: lineOf(html, '<img src="https://example.com/pics/river.jpg"'), column: 1 }),
    ]);
  });

  it('warns about empty alt on a content image, but not on a spacer or a hidden image', async () => {
    const html = BASE.replace('alt="A river at dawn under a bridge"', 'alt=""').replace(
      '<p>You receive',
      '<img src="https://example.com/spacer.gif" alt="" width="1" height="1"><img src="https://example.com/deco.png" alt="" aria-hidden="true">\n<p>You receive',
    );
    expect(await findings({ html }, ['accessibility'])).toEqual([expect.objectContaining({ rule: 'a11y/img-alt-empty', severity: 'warning', line: lineOf(html, 'river.jpg') })]);
  });

  it('reports a missing or undetermined lang on <html>', async () => {
    for (const html of [BASE.replace('<html lang="en">', '<html>'), BASE.replace('<html lang="en">', '<html lang="und">')]) {
      expect(await findings({ html }, ['accessibility'])).toEqual([expect.objectContaining({ rule: 'a11y/lang', severity: 'warning', line: 2 })]);
    }
  });

  it('reports a layout table without role="presentation", not a data table', async () => {
    const html = BASE.replace('<p>You receive', '<table><tr><th>Town</th><th>Pop.</th></tr><tr><td>Ayr</td><td>46,000</td></tr></table>\n<p>You receive').replace(
      '<table role="presentation"',
      '<table',
    );
    expect(await findings({ html }, ['accessibility'])).toEqual([expect.objectContaining({ rule: 'a11y/layout-table', severity: 'warning', line: lineOf(html, '<table width="100%"') })]);
  });
});

describe('MIME and list headers', () => {
  it('reports a message without the unsubscribe header pair as errors naming the header', async () => {
    const found = await findings({ html: BASE, headers: {} }, ['mime']);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'mime/list-unsubscribe', severity: 'error', field: 'List-Unsubscribe', file: FILES.eml }),
      expect.objectContaining({ rule: 'mime/list-unsubscribe-post', severity: 'error', field: 'List-Unsubscribe-Post' }),
      expect.objectContaining({ rule: 'mime/list-id', severity: 'warning', field: 'List-Id' }),
    ]);
  });

  it('requires an https URL in List-Unsubscribe and the exact one-click value, at their header lines', async () => {
    const eml = await fixtureEml({ html: BASE, headers: { ...LIST_HEADERS, 'List-Unsubscribe': '<mailto:unsubscribe@example.com>', 'List-Unsubscribe-Post': 'One-Click' } });
    const report = await checkIssue(await fixtureSubject(eml), systemEnvironment(), { groups: ['mime'] });
    const text = eml.toString();
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'mime/list-unsubscribe', line: lineOf(text, 'List-Unsubscribe: '), message: expect.stringContaining('no https URI') }),
      expect.objectContaining({ rule: 'mime/list-unsubscribe-post', line: lineOf(text, 'List-Unsubscribe-Post: '), message: expect.stringContaining('"List-Unsubscribe=One-Click"') }),
    ]);
  });

  it('reports a missing Date and Message-ID, and a second From', async () => {
    const eml = (await fixtureEml({ html: BASE })).toString().replace(/^Date: .*\r\n/m, '').replace(/^Message-ID: .*\r\n/m, '').replace(/^From: .*\r\n/m, '$&From: Someone Else <else@example.com>\r\n');
    const report = await checkIssue(await fixtureSubject(Buffer.from(eml)), systemEnvironment(), { groups: ['mime'] });
    expect(report.findings.map((finding) => [finding.rule, finding.severity, finding.field])).toEqual([
      ['mime/date', 'error', 'Date'],
      ['mime/message-id', 'error', 'Message-ID'],
      ['mime/from', 'error', 'From'],
    ]);
    expect(report.findings[2]!.line).toBe(lineOf(eml, 'From: Someone Else'));
  });

  it('reports lines over 998 characters and bare LF line ends at their lines', async () => {
    const long = `X-Long: ${'x'.repeat(1200)}`;
    const eml = (await fixtureEml({ html: BASE })).toString().replace('MIME-Version: 1.0\r\n', `MIME-Version: 1.0\r\n${long}\r\nX-Bare: lf\n`);
    const report = await checkIssue(await fixtureSubject(Buffer.from(eml)), systemEnvironment(), { groups: ['mime'] });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'mime/line-length', severity: 'error', line: lineOf(eml, 'X-Long:'), column: 999 }),
      expect.objectContaining({ rule: 'mime/crlf', severity: 'error', line: lineOf(eml, 'X-Bare:'), message: expect.stringMatching(/^1 line ends in a bare LF/) }),
    ]);
  });

  it('reports a text part that does not match the HTML (MPART_ALT_DIFF) and an HTML-only message', async () => {
    expect(await findings({ html: BASE, text: 'Open this email in a browser to read it.' }, ['mime'])).toEqual([
      expect.objectContaining({ rule: 'mime/alt-diff', severity: 'warning', message: expect.stringMatching(/^\d+% of the HTML part's words are missing from the text part/) }),
    ]);
    expect(await findings({ html: BASE, text: '' }, ['mime'])).toEqual([expect.objectContaining({ rule: 'mime/alternative', severity: 'warning', message: expect.stringContaining('text/plain') })]);
  });
});

describe('content', () => {
  it('reports an image-only email at its first image', async () => {
    const html = fixtureHtml('image-only.html');
    expect(await findings({ html }, ['content'])).toEqual([
      expect.objectContaining({ rule: 'content/image-only', severity: 'warning', file: FILES.html, line: lineOf(html, '<img src=') }),
    ]);
  });

  it('reports an all-caps subject at the Subject header', async () => {
    const eml = await fixtureEml({ html: BASE, subject: 'HUGE SAVINGS INSIDE THIS WEEK' });
    const report = await checkIssue(await fixtureSubject(eml), systemEnvironment(), { groups: ['content'] });
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'content/subject-caps', severity: 'warning', file: FILES.eml, field: 'Subject', line: lineOf(eml.toString(), 'Subject:') }),
    ]);
    expect(await findings({ html: BASE, subject: 'The BBC and NASA news' }, ['content'])).toEqual([]);
    expect(await findings({ html: BASE, subject: '週刊ガゼット 第5号' }, ['content'])).toEqual([]);
  });

  it('reports a footer without a postal address at the config field', async () => {
    expect(await findings({ html: BASE }, ['content'], { address: null })).toEqual([
      expect.objectContaining({ rule: 'content/postal-address', severity: 'warning', file: FILES.html, field: 'address' }),
    ]);
  });
});

describe('the quick rules build runs', () => {
  it('report a relative link at check severity (build lowers it to a warning, as build-checks.test.ts shows)', () => {
    const html = fixtureHtml('relative-link.html');
    const quick = quickCheck(html, { file: 'email.html', maxBytes: 100 * 1024, recipientMarker: null });
    expect(quick).toEqual([expect.objectContaining({ rule: 'html/relative-url', severity: 'error', line: lineOf(html, 'href="/stories/river"') })]);
  });

  it('find every line of a large document with the right column', () => {
    const html = `${'<p>line</p>\n'.repeat(5000)}<a href="x.html">x</a>`;
    expect(parseHtml('f.html', html).placeOf(parseHtml('f.html', html).elements('a')[0]!)).toEqual({ file: 'f.html', line: 5001, column: 1 });
  });
});

describe('docs/check-rules.md', () => {
  // Every rule's row is checked against the catalogue in diagnostic-catalogue.test.ts.
  it('explains every html-validate rule the email rule set changes', async () => {
    const docs = await readFile(path.join(REPO, 'docs', 'check-rules.md'), 'utf8');
    for (const rule of Object.keys(EMAIL_HTML_RULES)) expect(docs, rule).toContain(`\`${rule}\``);
  });
});
