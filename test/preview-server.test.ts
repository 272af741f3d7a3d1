import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildOutcome, PreviewState } from '../src/preview/builds.js';
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from '../src/preview/server.js';
import type { TextSummary } from '../src/summarize/index.js';

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

/** A request sent exactly as written: fetch() would normalise `..` away before sending. */
function rawGet(url: string, requestPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: requestPath, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
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
    expect(older.outcome.ok && older.outcome.snapshot.articles).toHaveLength(5);
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

  it('sends a test only for the preview page itself (no cross-site requests)', async () => {
    const { server } = await start(await sampleWorkspace());
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}api/send-test`, { method: 'POST', headers, body: JSON.stringify({ to: 'editor@example.com' }) });
    const origin = server.url.slice(0, -1);
    expect((await post({ 'Content-Type': 'application/json', Origin: 'https://attacker.example' })).status).toBe(403);
    expect((await post({ 'Content-Type': 'text/plain', Origin: origin })).status).toBe(403);
    const refused = await post({ 'Content-Type': 'application/json', Origin: origin });
    // The sample workspace has no SMTP server or unsubscribe secret: the reason comes back as diagnostics.
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { ok: boolean; errors: { rule: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.length).toBeGreaterThan(0);
    const bad = await fetch(`${server.url}api/send-test`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: '{"to": ""}' });
    expect(bad.status).toBe(400);
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
