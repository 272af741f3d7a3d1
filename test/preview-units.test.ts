import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forceColorScheme } from '../src/preview/color-scheme.js';
import { messageHeaders } from '../src/preview/headers.js';
import { acceptsHost, acceptsOrigin, allowedHostNames } from '../src/preview/host-check.js';
import { openCommand } from '../src/preview/open-browser.js';
import { resolveExistingInside, resolveInside } from '../src/preview/safe-path.js';
import { pageDiagnostics } from '../src/preview/page-paths.js';
import { parseTestSendRequest } from '../src/preview/test-send.js';
import { affectsIssue } from '../src/preview/watcher.js';
import { issueWeeks } from '../src/preview/weeks.js';

describe('resolveInside', () => {
  const root = '/srv/workspace';

  it('finds files inside the root', () => {
    expect(resolveInside(root, 'articles/a.md')).toBe('/srv/workspace/articles/a.md');
    expect(resolveInside(root, 'out/2024-W05/email%20copy.html')).toBe('/srv/workspace/out/2024-W05/email copy.html');
  });

  it.each([
    '../etc/passwd',
    '..%2f..%2fetc/passwd',
    '%2e%2e/%2e%2e/etc/passwd',
    '%2E%2E%5C..%5Cetc/passwd',
    'articles/../../etc/passwd',
    '.git/config',
    'articles/.env',
    'a%00.md',
    '%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveInside(root, urlPath)).toBeNull();
  });

  it('refuses a symbolic link that leads out of the root', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-preview-'));
    await mkdir(path.join(dir, 'root'));
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await writeFile(path.join(dir, 'root', 'inside.txt'), 'fine');
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'root', 'link.txt'));
    expect(await resolveExistingInside(path.join(dir, 'root'), 'inside.txt')).toMatch(/inside\.txt$/);
    expect(await resolveExistingInside(path.join(dir, 'root'), 'link.txt')).toBeNull();
    expect(await resolveExistingInside(path.join(dir, 'root'), 'missing.txt')).toBeNull();
  });

  it('refuses a symbolic link that leads into a hidden file or folder of the root', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gazette-preview-'));
    await writeFile(path.join(root, '.env'), 'SMTP_PASSWORD=x');
    await symlink(path.join(root, '.env'), path.join(root, 'notes.txt'));
    expect(await resolveExistingInside(root, 'notes.txt')).toBeNull();
  });
});

describe('issueWeeks', () => {
  it('lists each ISO week with articles once, newest first, counting drafts only when asked', () => {
    const articles = [
      { date: '2024-01-30', draft: false },
      { date: '2024-02-04', draft: false },
      { date: '2024-02-05', draft: false },
      { date: '2023-12-31', draft: true },
    ];
    expect(issueWeeks(articles, false)).toEqual([
      { week: '2024-W06', from: '2024-02-05', to: '2024-02-11', articles: 1 },
      { week: '2024-W05', from: '2024-01-29', to: '2024-02-04', articles: 2 },
    ]);
    expect(issueWeeks(articles, true).map((w) => w.week)).toEqual(['2024-W06', '2024-W05', '2023-W52']);
  });
});

describe('forceColorScheme', () => {
  const html = '<html><head><style>@media (prefers-color-scheme: dark) { a { color: red } } @media screen and (prefers-color-scheme:light) { a { color: blue } }</style></head><body></body></html>';

  it('makes the dark rules always apply and the light ones never', () => {
    const dark = forceColorScheme(html, 'dark');
    expect(dark).toContain('@media (min-width: 0px) { a { color: red } }');
    expect(dark).toContain('@media screen and (max-width: -1px) { a { color: blue } }');
    expect(dark).toContain('color-scheme: dark');
    expect(dark).not.toMatch(/prefers-color-scheme/);
  });

  it('makes the light rules always apply and the dark ones never', () => {
    const light = forceColorScheme(html, 'light');
    expect(light).toContain('@media (max-width: -1px) { a { color: red } }');
    expect(light).toContain('color-scheme: light');
  });
});

describe('messageHeaders', () => {
  it('reads the top-level headers, unfolding continued lines, and stops at the body', async () => {
    const eml = 'From: A <a@example.com>\r\nSubject: A long\r\n subject line\r\nX-Empty:\r\n\r\nBody: not a header\r\n';
    expect(await messageHeaders(Buffer.from(eml))).toEqual([
      { name: 'From', value: '"A" <a@example.com>' },
      { name: 'Subject', value: 'A long subject line' },
      { name: 'X-Empty', value: '' },
    ]);
  });

  it('decodes encoded words (RFC 2047) in the subject and in display names', async () => {
    const eml = [
      'From: =?UTF-8?Q?Ren=C3=A9e_Dupr=C3=A9?= <renee@example.com>',
      'Subject: =?UTF-8?B?Q2Fmw6kgbm90ZXMg4oCUIHdlZWsgMTA=?=',
      '  =?UTF-8?Q?_=E2=98=95?=',
      'Date: Tue, 05 Mar 2024 09:00:00 +0000',
      'Received: from a.example',
      'Received: from b.example',
      '',
      'Body',
    ].join('\r\n');
    expect(await messageHeaders(eml)).toEqual([
      { name: 'From', value: '"Renée Dupré" <renee@example.com>' },
      { name: 'Subject', value: 'Café notes — week 10 ☕' },
      { name: 'Date', value: 'Tue, 05 Mar 2024 09:00:00 +0000' },
      { name: 'Received', value: 'from a.example' },
      { name: 'Received', value: 'from b.example' },
    ]);
  });
});

describe('the Host and Origin checks', () => {
  const machine = { hostname: 'Studio', addresses: ['127.0.0.1', '192.168.1.20', '::1', 'fe80::1c2b'] };

  it('answer only to loopback names when bound to loopback', () => {
    const names = allowedHostNames('127.0.0.1', machine);
    expect(acceptsHost('127.0.0.1:4000', names)).toBe(true);
    expect(acceptsHost('localhost:4000', names)).toBe(true);
    expect(acceptsHost('[::1]:4000', allowedHostNames('::1', machine))).toBe(true);
    expect(acceptsHost('evil.example:4000', names)).toBe(false);
    expect(acceptsHost('192.168.1.20:4000', names)).toBe(false);
    expect(acceptsHost(undefined, names)).toBe(false);
  });

  it('answer to the chosen address only when bound to one', () => {
    const names = allowedHostNames('192.168.1.20', machine);
    expect(acceptsHost('192.168.1.20:4000', names)).toBe(true);
    expect(acceptsHost('preview.lan:4000', names)).toBe(false);
    expect(acceptsHost('localhost:4000', names)).toBe(false);
  });

  it("answer to this machine's own addresses and name when bound to every address, never to another name", () => {
    const names = allowedHostNames('0.0.0.0', machine);
    for (const host of ['localhost:4000', '192.168.1.20:4000', '[fe80::1c2b]:4000', 'studio:4000', 'studio.local:4000', 'STUDIO.local.']) expect(acceptsHost(host, names)).toBe(true);
    for (const host of ['preview.lan:4000', 'attacker.example', '10.0.0.9:4000', '']) expect(acceptsHost(host, names)).toBe(false);
  });

  it("accept only the server's own origin: http, an allowed name and its port", () => {
    const names = allowedHostNames('127.0.0.1', machine);
    expect(acceptsOrigin('http://127.0.0.1:4000', names, 4000)).toBe(true);
    expect(acceptsOrigin('http://localhost:4000', names, 4000)).toBe(true);
    for (const origin of ['http://127.0.0.1:4001', 'https://127.0.0.1:4000', 'http://attacker.example:4000', 'null', undefined]) expect(acceptsOrigin(origin, names, 4000)).toBe(false);
  });
});

describe('affectsIssue', () => {
  const paths = { articles: '/w/articles', templates: '/w/templates', configFiles: ['/w/gazette.config.json'] };
  it('is true for articles, templates and the config, false for the rest', () => {
    expect(affectsIssue('/w/articles/a.md', paths)).toBe(true);
    expect(affectsIssue('/w/templates/partials/quote.mjml', paths)).toBe(true);
    expect(affectsIssue('/w/gazette.config.json', paths)).toBe(true);
    expect(affectsIssue('/w/out/2024-W05/email.html', paths)).toBe(false);
    expect(affectsIssue('/w/articles-old/a.md', paths)).toBe(false);
  });
});

describe('pageDiagnostics', () => {
  it('names the absolute files of the library relative to the workspace, and leaves files outside it absolute', () => {
    const diagnostics = [
      { rule: 'x', severity: 'error' as const, message: 'm', file: '/tmp/w/articles/a.md' },
      { rule: 'y', severity: 'warning' as const, message: 'n' },
      { rule: 'z', severity: 'error' as const, message: 'o', file: '/etc/dkim.pem' },
    ];
    expect(pageDiagnostics(diagnostics, '/tmp/w')).toEqual([
      { rule: 'x', severity: 'error', message: 'm', file: 'articles/a.md' },
      { rule: 'y', severity: 'warning', message: 'n' },
      { rule: 'z', severity: 'error', message: 'o', file: '/etc/dkim.pem' },
    ]);
  });
});

describe('openCommand', () => {
  it('uses the platform opener', () => {
    expect(openCommand('http://127.0.0.1:4000/', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:4000/'] });
    expect(openCommand('http://127.0.0.1:4000/', 'darwin').command).toBe('open');
    expect(openCommand('http://127.0.0.1:4000/', 'win32').args).toContain('start');
  });
});

describe('parseTestSendRequest', () => {
  it('reads the week and the address', () => {
    expect(parseTestSendRequest('{"week":"2024-W05","to":" editor@example.com "}')).toEqual({ week: '2024-W05', to: 'editor@example.com' });
    expect(parseTestSendRequest('{"to":"editor@example.com"}')).toEqual({ week: null, to: 'editor@example.com' });
  });

  it.each(['not json', '{}', '{"to":""}', '{"to":"a@example.com","week":5}', 'null'])('turns %s into a diagnostic', (body) => {
    expect(parseTestSendRequest(body)).toMatchObject({ severity: 'error', rule: expect.stringMatching(/^preview\//) });
  });
});
