import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sinksStoppedAfterEach } from './support/smtp-server.js';
import { builtWorkspace, gazette, sendingConfig, writeList } from './support/smtp-workspace.js';
import { REPO } from './support/workspace.js';

const sink = sinksStoppedAfterEach();

describe('gazette send on the command line', () => {
  it('works out of the box in the sample workspace against a local server', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gazette-sample-'));
    for (const name of ['articles', 'templates', 'examples', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(root, name), { recursive: true });
    expect((await gazette(['build'], root)).code).toBe(0);
    const server = await sink();
    const { code, stdout, stderr } = await gazette(['send', '--list', 'examples/subscribers.csv', '--smtp', server.url], root);
    expect(stderr).toContain('Sending 2024-W05 to 5 recipients');
    expect(stdout).toContain('5 sent, 0 failed');
    expect(code).toBe(0);
    expect((await server.accepted()).length).toBe(5);
  });

  it('prints only a JSON summary with --json, taking the server from GAZETTE_SMTP_URL', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com', 'bob@example.com']);
    const server = await sink();
    const { code, stdout, stderr } = await gazette(['send', '--list', 'list.csv', '--json'], root, { GAZETTE_SMTP_URL: server.url });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, issue: '2024-W05', sent: 2, failed: 0, ledger: { sent: 2, pending: 0 } });
  });

  it('never prints the SMTP password, and exits 1 with nothing sent when it is wrong', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com']);
    const server = await sink({ auth: { user: 'gazette', pass: 'the-right-one' } });
    const wrong = `smtp://gazette:Sup3rSecretPass@127.0.0.1:${server.port}`;
    const plain = await gazette(['send', '--list', 'list.csv', '--smtp', wrong], root);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/smtp\/auth/);
    expect(plain.stderr).toContain(`smtp://gazette@127.0.0.1:${server.port}`);
    const json = await gazette(['send', '--list', 'list.csv', '--json'], root, { GAZETTE_SMTP_URL: wrong });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ rule: 'smtp/auth' })] });
    for (const output of [plain.stdout, plain.stderr, json.stdout, json.stderr]) expect(output).not.toContain('Sup3rSecretPass');

    const right = await gazette(['send', '--list', 'list.csv', '--smtp', `smtp://gazette:the-right-one@127.0.0.1:${server.port}`], root);
    expect(right.code).toBe(0);
    expect(right.stdout).not.toContain('the-right-one');
  });

  it('exits 1 when some recipients failed, listing them', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com', 'gone@example.com']);
    const server = await sink({ faults: [{ match: '^gone@', action: '550' }] });
    const { code, stdout, stderr } = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root);
    expect(code).toBe(1);
    expect(stdout).toContain('1 sent, 1 failed');
    expect(stdout).toMatch(/failed gone@example\.com: 550/);
    expect(stderr).toMatch(/failed gone@example\.com: 550/);
  });

  it.each([
    // Without --list the send goes to the store, so what is missing next is a server.
    [['send'], 'smtp/missing'],
    [['send', '--list', 'a.csv', '--store'], 'cli/list'],
    [['send', '--list', 'a.csv', '--resend-in-flight'], 'cli/resend-in-flight'],
    [['send', '--list', 'list.csv'], 'smtp/missing'],
    [['send', '--list', 'list.csv', '--smtp', 'http://example.com'], 'smtp/url'],
    [['send', '--test', 'not-an-address', '--smtp', 'smtp://127.0.0.1:1'], 'send/test-address'],
  ])('treats %j as a usage error', async (args, rule) => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com']);
    const { code, stderr } = await gazette(args, root);
    expect(stderr).toContain(`(${rule})`);
    expect(code).toBe(2);
  });

  it('refuses to send without a secret to sign unsubscribe links, and takes it from GAZETTE_SECRET', async () => {
    const root = await builtWorkspace(sendingConfig({ unsubscribe: { url: 'https://example.com/unsubscribe' } }));
    await writeList(root, ['ann@example.com']);
    const server = await sink();
    const refused = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root, { GAZETTE_SECRET: '' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/set GAZETTE_SECRET .*\(unsubscribe\/no-secret\)/);
    expect(await server.accepted()).toEqual([]);
    const sent = await gazette(['send', '--list', 'list.csv', '--smtp', server.url], root, { GAZETTE_SECRET: 'a-secret-from-the-environment' });
    expect(sent.code).toBe(0);
  });

  it('builds email.eml with the same list headers a sent copy carries', async () => {
    const root = await builtWorkspace();
    const eml = await readFile(path.join(root, 'out', '2024-W05', 'email.eml'), 'utf8');
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/example\.com\/unsubscribe\?token=[\w.-]+>, <mailto:leave@example\.com\?subject=unsubscribe>\r?$/m);
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(eml).toMatch(/^List-Id: Test Weekly <weekly\.example\.com>\r?$/im);
  });

  it('names the missing issue and the command that builds it', async () => {
    const root = await builtWorkspace();
    await writeList(root, ['ann@example.com']);
    const { code, stderr } = await gazette(['send', '--issue', '2020-W01', '--list', 'list.csv', '--smtp', 'smtp://127.0.0.1:1'], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^out\/2020-W01\/email\.json error issue "2020-W01" has not been built; run gazette build first \(send\/no-issue\)$/m);
  });
});
