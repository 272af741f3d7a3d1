import { cp, link as hardLink, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import type { BuildOutcome, PreviewState } from '../src/preview/builds.js';
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from '../src/preview/server.js';
import type { TextSummary } from '../src/summarize/index.js';
import { sinksStoppedAfterEach } from './support/smtp-server.js';

const REPO = path.resolve(import.meta.dirname, '..');
const SEED = 'articles/2024-01-30-china-us-resume-fentanyl-talks.md';

/** A copy of the sample workspace that a test may edit. */
async function sampleWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-preview-'));
  for (const name of ['templates', 'articles', 'gazette.config.json']) await cp(path.join(REPO, name), path.join(dir, name), { recursive: true });
  return dir;
}

/** Counts summaries: the build asks the cache first and stores each summary it has to make. */
class CountingCache extends Map<string, TextSummary> {
  summaries = 0;
  override set(key: string, value: TextSummary): this {
    this.summaries++;
    return super.set(key, value);
  }
}

const sink = sinksStoppedAfterEach({ saveMessages: true });

const servers: PreviewServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(root: string, options: Partial<PreviewServerOptions> = {}) {
  const rebuilds: ((outcomes: BuildOutcome[]) => void)[] = [];
  const server = await startPreviewServer({
    root,
    port: 0,
    ...options,
    onRebuild: (outcomes) => rebuilds.shift()?.(outcomes),
  });
  servers.push(server);
  /** Resolves with the next rebuild's outcomes (registered before the edit that causes it). */
  const nextRebuild = () => new Promise<BuildOutcome[]>((resolve) => rebuilds.push(resolve));
  return { server, nextRebuild };
}

/** Any request sent exactly as written, Host and Origin headers included. */
function rawRequest(
  url: string,
  requestPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: requestPath, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject).end(options.body);
  });
}

/** The session token the preview page carries. */
async function pageToken(server: PreviewServer): Promise<string> {
  const page = await (await fetch(server.url)).text();
  return /<meta name="gazette-token" content="([^"]*)">/.exec(page)?.[1] ?? '';
}

/** A GET sent exactly as written: fetch() would normalise `..` away before sending. */
function rawGet(url: string, requestPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return rawRequest(url, requestPath, { headers });
}

async function state(server: PreviewServer, week?: string): Promise<PreviewState> {
  const response = await fetch(`${server.url}api/state${week ? `?week=${week}` : ''}`);
  return (await response.json()) as PreviewState;
}

describe('preview server', () => {
  it('binds to 127.0.0.1 and serves the newest week of the sample workspace', async () => {
    const { server } = await start(await sampleWorkspace());
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<iframe id="email"');
    // No other site may frame the page (and trick a click on "Send test"); the page may frame the email.
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${server.url}email.html`)).headers.get('content-security-policy')).toContain("frame-ancestors 'self'");

    const shown = await state(server);
    expect(shown.week).toBe('2024-W05');
    expect(shown.weeks.map((w) => w.week)).toEqual(['2024-W05']);
    if (!shown.outcome.ok) throw new Error('the sample workspace should build');
    const { snapshot } = shown.outcome;
    expect(snapshot.articles.map((a) => a.title)).toContain('China, US resume fentanyl talks in Beijing');
    expect(snapshot.headers.find((h) => h.name === 'Subject')?.value).toBe('The Weekly Gazette #5');
    expect(snapshot.headers.map((h) => h.name)).toEqual(expect.arrayContaining(['From', 'To', 'Subject', 'Message-ID', 'Date']));
    expect(snapshot.size.bytes).toBe(Buffer.byteLength(snapshot.html));
    expect(snapshot.size.clip).toBe(102 * 1024);
    expect(snapshot.text).toContain('China, US resume fentanyl talks in Beijing');
    expect(snapshot.mjml).toContain('<mjml');

    const email = await fetch(`${server.url}email.html?week=2024-W05&scheme=dark`);
    const html = await email.text();
    expect(html).toContain('China, US resume fentanyl talks in Beijing');
    expect(html).not.toContain('prefers-color-scheme');
    expect(email.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lists every week that has articles and builds the one asked for', async () => {
    const root = await sampleWorkspace();
    await writeFile(path.join(root, 'articles', '2024-02-14-later.md'), '---\ntitle: "A later story"\ndate: 2024-02-14\n---\n\nA later story happened. It was short. Then it ended.\n');
    const { server } = await start(root);
    const shown = await state(server);
    expect(shown.weeks.map((w) => w.week)).toEqual(['2024-W07', '2024-W05']);
    expect(shown.week).toBe('2024-W07');
    const older = await state(server, '2024-W05');
    expect(older.outcome.ok && older.outcome.snapshot.articles).toHaveLength(9);
  });

  it.each([
    '/files/..%2f..%2f..%2fetc/passwd',
    '/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/files/../../../etc/passwd',
    '/out/..%2f..%2f..%2fetc/passwd',
    '/..%2f..%2fetc/passwd',
    '/files/..%5c..%5cetc/passwd',
    '/files/gazette.config.json',
  ])('serves nothing outside the workspace and its output: %s', async (requestPath) => {
    const { server } = await start(await sampleWorkspace());
    const response = await rawGet(server.url, requestPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('root:');
  });

  it('serves workspace files and written issues', async () => {
    const root = await sampleWorkspace();
    const { server } = await start(root);
    const article = await rawGet(server.url, `/files/${SEED}`);
    expect(article.status).toBe(200);
    expect(article.body).toBe(await readFile(path.join(root, SEED), 'utf8'));
    await cp(path.join(root, 'articles'), path.join(root, 'out', 'copy'), { recursive: true });
    expect((await rawGet(server.url, '/out/copy/2024-01-30-china-us-resume-fentanyl-talks.md')).status).toBe(200);
  });

  it('answers only to loopback host names (no DNS rebinding)', async () => {
    const { server } = await start(await sampleWorkspace());
    expect((await rawGet(server.url, '/api/state', { Host: 'attacker.example' })).status).toBe(403);
    expect((await rawGet(server.url, '/', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('sends a test only for the preview page itself: its own origin and the token in the page it served', async () => {
    const { server } = await start(await sampleWorkspace());
    const token = await pageToken(server);
    expect(token).toMatch(/^[\w-]{32}$/);
    const origin = server.url.slice(0, -1);
    const post = (headers: Record<string, string>, body = JSON.stringify({ to: 'editor@example.com' })) =>
      rawRequest(server.url, '/api/send-test', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

    expect((await post({ Origin: 'https://attacker.example', 'X-Gazette-Token': token })).status).toBe(403);
    expect((await post({ 'X-Gazette-Token': token })).status).toBe(403);
    expect((await post({ Origin: origin })).status).toBe(403);
    expect((await post({ Origin: origin, 'X-Gazette-Token': 'x'.repeat(32) })).status).toBe(403);
    expect((await post({ Origin: origin, 'X-Gazette-Token': token, 'Content-Type': 'text/plain' })).status).toBe(403);
    // The origin must be this server's, not merely match the Host header the request chose.
    const otherPort = `127.0.0.1:${server.port + 1}`;
    expect((await post({ Host: otherPort, Origin: `http://${otherPort}`, 'X-Gazette-Token': token })).status).toBe(403);

    const refused = await post({ Origin: origin, 'X-Gazette-Token': token });
    // The sample workspace has no SMTP server or unsubscribe secret: the reason comes back as diagnostics.
    expect(refused.status).toBe(422);
    const body = JSON.parse(refused.body) as { ok: boolean; errors: { rule: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.length).toBeGreaterThan(0);
    expect((await post({ Origin: origin, 'X-Gazette-Token': token }, '{"to": ""}')).status).toBe(400);
    expect((await post({ Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}`, 'X-Gazette-Token': token }, '{"to": ""}')).status).toBe(400);
  });

  it('sends the test copy from the --out folder the preview builds into', async () => {
    const smtp = await sink();
    const root = await sampleWorkspace();
    const configFile = path.join(root, 'gazette.config.json');
    await writeFile(configFile, JSON.stringify({ ...(JSON.parse(await readFile(configFile, 'utf8')) as object), smtp: smtp.url }));
    const { server } = await start(root, { out: 'alt' });
    const headers = { 'Content-Type': 'application/json', Origin: server.url.slice(0, -1), 'X-Gazette-Token': await pageToken(server) };
    const sent = await rawRequest(server.url, '/api/send-test', { method: 'POST', headers, body: JSON.stringify({ to: 'editor@example.com' }) });

    expect(sent.status, sent.body).toBe(200);
    const shown = (await state(server)).outcome;
    if (!shown.ok) throw new Error('expected the sample to build');
    // Written to alt/ and read back from there: nothing was built into the config's out/ to send from.
    await expect(readFile(path.join(root, 'alt', shown.snapshot.week, 'email.json'), 'utf8')).resolves.toContain(shown.snapshot.subject);
    await expect(readFile(path.join(root, 'out', shown.snapshot.week, 'email.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await smtp.accepted()).map((line) => line.to)).toEqual([['editor@example.com']]);
    expect((await smtp.messages())[0]?.subject).toBe(`[TEST] ${shown.snapshot.subject}`);
  });

  it('gives each server start its own token', async () => {
    const root = await sampleWorkspace();
    const [first, second] = await Promise.all([start(root), start(root)]);
    expect(await pageToken(first.server)).not.toBe(await pageToken(second.server));
  });

  it('re-summarizes only the edited article', async () => {
    const root = await sampleWorkspace();
    const cache = new CountingCache();
    const { server, nextRebuild } = await start(root, { summaryCache: cache });
    expect(server.first.ok).toBe(true);
    const firstBuild = cache.summaries;
    expect(firstBuild).toBeGreaterThanOrEqual(2);

    const seed = path.join(root, SEED);
    const rebuilt = nextRebuild();
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('resumed talks on curbing', 'resumed long-stalled talks on curbing'));
    const [outcome] = await rebuilt;
    expect(outcome?.ok).toBe(true);
    expect(cache.summaries).toBe(firstBuild + 1);
    const snapshot = outcome?.ok ? outcome.snapshot : null;
    expect(snapshot?.html).toContain('long-stalled');

    const templateOnly = nextRebuild();
    const footer = path.join(root, 'templates', 'partials', 'footer.mjml');
    await writeFile(footer, (await readFile(footer, 'utf8')).replace("That's all for this week.", 'That is the lot.'));
    const [afterTemplate] = await templateOnly;
    expect(afterTemplate?.ok && afterTemplate.snapshot.html).toContain('That is the lot.');
    expect(cache.summaries).toBe(firstBuild + 1);
  });

  it('reports a broken article with file and line, keeps serving, and recovers once fixed', async () => {
    const root = await sampleWorkspace();
    const { server, nextRebuild } = await start(root);
    const seed = path.join(root, SEED);
    const original = await readFile(seed, 'utf8');

    const broken = nextRebuild();
    await writeFile(seed, original.replace(/^date: .*$/m, 'date: [not closed'));
    const [failed] = await broken;
    expect(failed?.ok).toBe(false);
    const errors = (await state(server)).outcome;
    if (errors.ok) throw new Error('expected the build to fail');
    expect(errors.errors[0]).toMatchObject({ file: SEED, severity: 'error' });
    expect(errors.errors[0]?.line).toBeGreaterThan(1);
    expect((await fetch(`${server.url}email.html`)).status).toBe(503);

    const fixed = nextRebuild();
    await writeFile(seed, original);
    expect((await fixed)[0]?.ok).toBe(true);
    expect((await state(server)).outcome.ok).toBe(true);
  });

  it('rebuilds when the config changes', async () => {
    const root = await sampleWorkspace();
    const { nextRebuild } = await start(root);
    const configFile = path.join(root, 'gazette.config.json');
    const rebuilt = nextRebuild();
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    await writeFile(configFile, JSON.stringify({ ...config, issue_number: 6 }));
    const [outcome] = await rebuilt;
    expect(outcome?.ok && outcome.snapshot.subject).toBe('The Weekly Gazette #6');
  });

  it('tells open pages about each rebuild over server-sent events', async () => {
    const root = await sampleWorkspace();
    const { server, nextRebuild } = await start(root);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}events`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const rebuilt = nextRebuild();
    await writeFile(path.join(root, 'articles', '2024-02-01-new.md'), '---\ntitle: "Fresh"\ndate: 2024-02-01\n---\n\nSomething new happened. It matters. Here is why.\n');
    await rebuilt;
    let received = '';
    while (!received.includes('event: build\n')) received += (await reader.read()).value ?? '';
    expect(received).toContain('event: building');
    expect(received).toMatch(/"files":\["articles\/2024-02-01-new\.md"\]/);
    controller.abort();
  });

  it('stops watching and listening when closed', async () => {
    const { server } = await start(await sampleWorkspace());
    const open = fetch(`${server.url}events`);
    await (await open).body?.getReader().read();
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('reports a port in use as a diagnostic', async () => {
    const root = await sampleWorkspace();
    const { server } = await start(root);
    await expect(startPreviewServer({ root, port: server.port })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ rule: 'preview/listen', message: expect.stringContaining('in use') })],
    });
  });
});

describe('the preview is never a door', () => {
  /** The sample workspace with secrets lying about, some of them behind innocent-looking links. */
  async function workspaceWithSecrets(configName: string): Promise<string> {
    const root = await sampleWorkspace();
    const config = JSON.parse(await readFile(path.join(root, 'gazette.config.json'), 'utf8')) as Record<string, unknown>;
    const own = {
      ...config,
      smtp: 'smtp://editor:Sup3rSecretPass@mail.example.com:587',
      dkim: { domain: 'example.com', selector: 'weekly', key_file: 'keys/selector-weekly.txt' },
      store: 'data/newsletter-state',
    };
    await writeFile(path.join(root, configName), configName.endsWith('.json') ? JSON.stringify(own) : stringifyYaml(own));
    const files: Record<string, string> = {
      'gazette.config.yaml': 'smtp: smtp://a:Sup3rSecretPass@mail.example.com\n',
      'keys/selector-weekly.txt': '-----BEGIN PRIVATE KEY----- Sup3rSecretPass',
      'keys/site.pem': 'Sup3rSecretPass',
      'keys/site.key': 'Sup3rSecretPass',
      'data/newsletter-state': 'Sup3rSecretPass',
      'data/newsletter-state-wal': 'Sup3rSecretPass',
      '.env': 'SMTP_PASSWORD=Sup3rSecretPass',
      '.gazette/state.db': 'Sup3rSecretPass',
      'examples/subscribers.csv': 'email\nreader@example.com\n',
      'lists/Readers.CSV': 'email\nreader@example.com\n',
      'out/list.csv': 'email\nreader@example.com\n',
      'out/notes.txt': 'a note next to the issues',
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const links: Record<string, string> = {
      'articles/config.txt': configName,
      'articles/key.txt': 'keys/selector-weekly.txt',
      'articles/readers.txt': 'examples/subscribers.csv',
      'articles/env.txt': '.env',
      'articles/state.txt': 'data/newsletter-state',
      'out/config.txt': configName,
    };
    for (const [link, target] of Object.entries(links)) await symlink(path.join(root, target), path.join(root, link));
    // Hard links: the same file under an innocent name, which no path comparison catches.
    const hardLinks: Record<string, string> = {
      'articles/hard-config.png': configName,
      'templates/hard-key.jpg': 'keys/selector-weekly.txt',
      'out/hard-state.txt': 'data/newsletter-state',
    };
    for (const [name, target] of Object.entries(hardLinks)) await hardLink(path.join(root, target), path.join(root, name));
    await writeFile(path.join(root, 'keys', 'id_ed25519'), 'Sup3rSecretPass');
    return root;
  }

  it.each(['other.json', 'settings.yaml'])('never serves the config (%s), keys, lists, the state database or .env, under any name', async (configName) => {
    const root = await workspaceWithSecrets(configName);
    const { server } = await start(root, { config: configName });
    const refused = [
      `/files/${configName}`,
      '/files/gazette.config.json',
      '/files/gazette.config.yaml',
      '/files/keys/selector-weekly.txt',
      '/files/keys/site.pem',
      '/files/keys/site.key',
      '/files/data/newsletter-state',
      '/files/data/newsletter-state-wal',
      '/files/.env',
      '/files/.gazette/state.db',
      '/files/%2egazette/state.db',
      '/files/examples/subscribers.csv',
      '/files/lists/Readers.CSV',
      '/files/articles/config.txt',
      '/files/articles/key.txt',
      '/files/articles/readers.txt',
      '/files/articles/env.txt',
      '/files/articles/state.txt',
      '/out/list.csv',
      '/out/config.txt',
      '/files/articles/hard-config.png',
      '/files/templates/hard-key.jpg',
      '/out/hard-state.txt',
      '/files/keys/id_ed25519',
    ];
    for (const requestPath of refused) {
      const response = await rawGet(server.url, requestPath);
      expect({ requestPath, status: response.status }).toEqual({ requestPath, status: 404 });
      expect(response.body).not.toContain('Sup3rSecretPass');
      expect(response.body).not.toContain('reader@example.com');
    }
    expect((await rawGet(server.url, `/files/${SEED}`)).status).toBe(200);
    expect((await rawGet(server.url, '/out/notes.txt')).body).toBe('a note next to the issues');
  });

  it('listens only on loopback unless told --allow-remote, and then keeps the Host check', async () => {
    const root = await sampleWorkspace();
    await expect(startPreviewServer({ root, port: 0, host: '0.0.0.0' })).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ rule: 'preview/remote', message: expect.not.stringContaining('--') })],
    });
    const { server } = await start(root, { host: '0.0.0.0', allowRemote: true });
    const local = `http://127.0.0.1:${server.port}/`;
    expect((await rawGet(local, '/api/state', { Host: 'attacker.example' })).status).toBe(403);
    expect((await rawGet(local, '/api/state', { Host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await rawGet(local, '/', { Host: `localhost:${server.port}` })).status).toBe(200);
    expect((await rawGet(local, '/', { Host: `${hostname()}:${server.port}` })).status).toBe(200);
    expect((await rawGet(local, '/files/gazette.config.json', { Host: `localhost:${server.port}` })).status).toBe(404);
  });
});
