import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../src/build.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { LOCK_FILE, withSiteLock } from '../src/site/lock.js';
import type { SiteManifest } from '../src/site/manifest.js';
import { CLI, gazette } from './support/cli.js';
import { filesUnder, sampleWorkspace, WEEK_SEVEN, WEEK_SIX } from './support/site-workspace.js';

const manifestOf = async (root: string) => JSON.parse(await readFile(path.join(root, 'site', 'issues.json'), 'utf8')) as SiteManifest;
const numbers = (manifest: SiteManifest) => Object.fromEntries(manifest.issues.map((issue) => [issue.slug, issue.number]));

/** The archive page's issues as a reader sees them, top to bottom: link, kicker line, lead headline, count. */
async function archiveRows(root: string) {
  const document = parseDocument(await readFile(path.join(root, 'site', 'index.html'), 'utf8'));
  return DomUtils.getElementsByTagName('article', document).map((row) => {
    const text = (name: string) => DomUtils.textContent(DomUtils.findOne((element) => (element.attribs.class ?? '').split(' ').includes(name), row.children, true)!).trim();
    const link = DomUtils.findOne((element) => element.name === 'a', row.children, true)!;
    return { href: link.attribs.href, title: DomUtils.textContent(link), kicker: text('kicker'), lead: text('lead'), count: text('count') };
  });
}

describe('the site folder', () => {
  it('is refused when it overlaps out/, the workspace or the articles, and nothing is built', async () => {
    const root = await sampleWorkspace();
    const before = await filesUnder(root);
    for (const args of [['--site', 'out'], ['--site', 'out/web'], ['--out', 'site/private'], ['--site', '.'], ['--site', 'articles'], ['--site', 'templates/site']]) {
      const run = await gazette(['build', ...args], root);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/error site: the site folder .*: everything in it is meant to be uploaded, so nothing was built \(site\/folder\)$/m);
    }
    expect(await filesUnder(root)).toEqual(before);
  });
});

describe('the published site, week after week', () => {
  it('accumulates two consecutive weeks: both web editions, the archive newest first, one manifest', async () => {
    const root = await sampleWorkspace(WEEK_SIX);
    expect((await gazette(['build', '--week', '2024-W05'], root)).code).toBe(0);
    const second = await gazette(['build', '--week', '2024-W06'], root);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Published site/2024-W06/ as issue 6; the archive and feeds list 2 issues: upload site/');

    expect(await filesUnder(path.join(root, 'site'))).toEqual([
      '2024-W05/index.html',
      '2024-W06/index.html',
      'feed.json',
      'feed.xml',
      'index.html',
      'issues.json',
      'rss.xml',
    ]);
    expect(await archiveRows(root)).toEqual([
      {
        href: '2024-W06/',
        title: 'The Weekly Gazette #6',
        kicker: 'Issue 6 · 5–11 February 2024',
        lead: 'Top story: Harbour lights festival draws record crowds to Port Evren',
        count: '2 stories',
      },
      {
        href: '2024-W05/',
        title: 'The Weekly Gazette #5',
        kicker: 'Issue 5 · 29 January – 4 February 2024',
        lead: 'Top story: China, US resume fentanyl talks in Beijing',
        count: '9 stories',
      },
    ]);
    expect(numbers(await manifestOf(root))).toEqual({ '2024-W06': 6, '2024-W05': 5 });
  });

  it('replaces a rebuilt week in place: new content, same number, same first publication date', async () => {
    const root = await sampleWorkspace(WEEK_SIX);
    const first = new Date('2024-02-12T08:00:00Z');
    await buildIssue({ root, week: '2024-W05', now: () => first });
    await buildIssue({ root, week: '2024-W06', now: () => first });
    const seed = path.join(root, 'articles', '2024-01-30-china-us-resume-fentanyl-talks.md');
    await writeFile(seed, (await readFile(seed, 'utf8')).replace('title: China, US resume fentanyl talks in Beijing', 'title: China and US resume fentanyl talks'));
    const later = new Date('2024-02-13T09:30:00Z');
    const rebuilt = await buildIssue({ root, week: '2024-W05', now: () => later });

    expect(rebuilt.result.digest.issue.number).toBe(5);
    const page = await readFile(path.join(root, 'site', '2024-W05', 'index.html'), 'utf8');
    expect(page).toContain('China and US resume fentanyl talks');
    expect(page).not.toContain('China, US resume fentanyl talks in Beijing');
    const manifest = await manifestOf(root);
    expect(manifest.issues.map((issue) => issue.slug)).toEqual(['2024-W06', '2024-W05']);
    expect(manifest.issues[1]).toMatchObject({ number: 5, lead: 'China and US resume fentanyl talks', published: first.toISOString(), updated: later.toISOString() });
    expect(manifest.issues[0]).toMatchObject({ number: 6, updated: first.toISOString() });
    expect((await archiveRows(root))[1]!.lead).toBe('Top story: China and US resume fentanyl talks');
  });

  it('keeps the number an issue got first, whatever order weeks are built in; a new issue takes the next, or issue_number if higher', async () => {
    const root = await sampleWorkspace(WEEK_SIX, WEEK_SEVEN);
    const now = () => new Date('2024-02-20T08:00:00Z');
    // The config says issue_number 5: the first issue published gets it, whichever week it is.
    expect((await buildIssue({ root, week: '2024-W06', now })).result.digest.issue).toMatchObject({ number: 6 - 1, title: 'The Weekly Gazette #5' });
    expect((await buildIssue({ root, week: '2024-W05', now })).result.digest.issue.number).toBe(6);
    expect((await buildIssue({ root, week: '2024-W06', now })).result.digest.issue.number).toBe(5);
    const config = path.join(root, 'gazette.config.json');
    await writeFile(config, JSON.stringify({ ...JSON.parse(await readFile(config, 'utf8')), issue_number: 40 }));
    expect((await buildIssue({ root, week: '2024-W07', now })).result.digest.issue.number).toBe(40);
    expect((await buildIssue({ root, week: '2024-W05', now })).result.digest.issue.number).toBe(6);
    expect(numbers(await manifestOf(root))).toEqual({ '2024-W07': 40, '2024-W06': 5, '2024-W05': 6 });
  });

  it('builds every week that has articles with --all, oldest first, drafts and future weeks left out', async () => {
    const root = await sampleWorkspace(WEEK_SIX, {
      '2024-02-20-draft-only-week.md': '---\ntitle: A draft on its own\ndate: 2024-02-20\ndraft: true\n---\n\nNot ready yet. Still being written. Back next week.\n',
      '2999-01-05-far-future.md': '---\ntitle: Scheduled far ahead\ndate: 2999-01-05\n---\n\nThis is scheduled. It waits. It should not be built.\n',
    });
    const run = await gazette(['build', '--all', '--json'], root);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { issues: { slug: string; number: number; outDir: string; page: string }[]; site: { dir: string; issues: string[] } };
    expect(summary.issues.map(({ slug, number, outDir, page }) => ({ slug, number, outDir, page }))).toEqual([
      { slug: '2024-W05', number: 5, outDir: path.join('out', '2024-W05'), page: path.join('site', '2024-W05') },
      { slug: '2024-W06', number: 6, outDir: path.join('out', '2024-W06'), page: path.join('site', '2024-W06') },
    ]);
    expect(summary.site).toMatchObject({ dir: 'site', issues: ['2024-W06', '2024-W05'] });
    expect((await filesUnder(path.join(root, 'site'))).filter((file) => file.endsWith('/index.html'))).toEqual(['2024-W05/index.html', '2024-W06/index.html']);

    const plain = await gazette(['build', '--all'], root);
    expect(plain.stdout).toMatch(/2024-W05 {2}The Weekly Gazette #5 {2}9 articles → out\/2024-W05\//);
    expect(plain.stdout).toContain('Built 2 issues into out/ (private, never upload it)');
    expect(numbers(await manifestOf(root))).toEqual({ '2024-W06': 6, '2024-W05': 5 });

    const conflicting = await gazette(['build', '--all', '--week', '2024-W05'], root);
    expect(conflicting.code).toBe(2);
    expect(conflicting.stderr).toMatch(/--all.*cannot be used with.*--week/);
  });

  it('lets two builds of different weeks run at once, in two processes: both end up in the archive, with different numbers', async () => {
    const root = await sampleWorkspace(WEEK_SIX);
    const run = (week: string) => promisify(execFile)(process.execPath, [CLI, 'build', '--week', week, '--json'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    const [five, six] = await Promise.all([run('2024-W05'), run('2024-W06')]);
    const numberOf = (stdout: string) => (JSON.parse(stdout) as { issue: { number: number } }).issue.number;
    const manifest = await manifestOf(root);
    expect(manifest.issues.map((issue) => issue.slug)).toEqual(['2024-W06', '2024-W05']);
    expect(new Set(manifest.issues.map((issue) => issue.number))).toEqual(new Set([5, 6]));
    // What each process printed and put in its page is the number the manifest kept for it.
    expect(numberOf(five.stdout)).toBe(numbers(manifest)['2024-W05']);
    expect(numberOf(six.stdout)).toBe(numbers(manifest)['2024-W06']);
    for (const issue of manifest.issues) {
      expect(await readFile(path.join(root, 'site', issue.slug, 'index.html'), 'utf8')).toContain(`<title>The Weekly Gazette #${issue.number}`);
    }
    expect((await archiveRows(root)).map((row) => row.href)).toEqual(['2024-W06/', '2024-W05/']);
    const atom = await readFile(path.join(root, 'site', 'feed.xml'), 'utf8');
    expect(atom.match(/<entry>/g)).toHaveLength(2);
    expect(await filesUnder(path.join(root, 'site'))).not.toContain(LOCK_FILE);
  });
});

describe('where the site goes', () => {
  it('is the config\'s site folder, relative to the config, or --site', async () => {
    const root = await sampleWorkspace();
    const config = path.join(root, 'gazette.config.json');
    await writeFile(config, JSON.stringify({ ...JSON.parse(await readFile(config, 'utf8')), site: 'public' }));
    expect((await gazette(['build'], root)).code).toBe(0);
    expect(await filesUnder(path.join(root, 'public'))).toContain('2024-W05/index.html');
    const flagged = await gazette(['build', '--site', 'elsewhere', '--json'], root);
    expect((JSON.parse(flagged.stdout) as { site: { dir: string; page: string } }).site).toMatchObject({ dir: 'elsewhere', page: path.join('elsewhere', '2024-W05', 'index.html') });
    expect(await filesUnder(path.join(root, 'elsewhere'))).toContain('index.html');
  });
});

describe('a damaged manifest', () => {
  it('stops the build with the file named, before anything is written', async () => {
    const root = await sampleWorkspace();
    await gazette(['build'], root);
    const before = await readFile(path.join(root, 'site', 'index.html'), 'utf8');
    await writeFile(path.join(root, 'site', 'issues.json'), '{"version":1,"issues":[{"slug":"2024-W05","number":0}]}');
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^site\/issues\.json error issues\.0\.number: .+ \(site\/bad-manifest\)$/m);
    expect(await readFile(path.join(root, 'site', 'index.html'), 'utf8')).toBe(before);
  });

  it('refuses two issues under one number, naming the second', async () => {
    const root = await sampleWorkspace();
    await gazette(['build'], root);
    const file = path.join(root, 'site', 'issues.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { issues: { slug: string; number: number }[] };
    manifest.issues.push({ ...manifest.issues[0]!, slug: '2024-W04' });
    await writeFile(file, JSON.stringify(manifest));
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^site\/issues\.json error issues\.1\.number: number \d+ is given to both 2024-W05 and 2024-W04 \(site\/bad-manifest\)$/m);
  });

  it('refuses to number afresh when issues.json is gone but published issues are not', async () => {
    const root = await sampleWorkspace();
    await gazette(['build'], root);
    await rm(path.join(root, 'site', 'issues.json'));
    const run = await gazette(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^site\/issues\.json error is missing, yet the site holds 1 published issue \(2024-W05\).+\(site\/lost-manifest\)$/m);
    await rm(path.join(root, 'site', '2024-W05'), { recursive: true });
    expect((await gazette(['build'], root)).code).toBe(0);
  });
});

describe('the site lock', () => {
  it('makes a second holder wait, and gives up with site/locked naming the holder when it waits too long', async () => {
    const root = await sampleWorkspace();
    const site = path.join(root, 'site');
    let release!: () => void;
    const holding = withSiteLock(site, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await withSiteLock(site, async () => 'ran', { timeoutMs: 300 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GazetteError);
    expect((refused as GazetteError).diagnostics[0]).toMatchObject({ rule: 'site/locked', file: path.join(site, LOCK_FILE), message: expect.stringContaining(`process ${process.pid} on `) });
    const waiting = withSiteLock(site, async () => 'ran after', { timeoutMs: 10_000 });
    release();
    await holding;
    expect(await waiting).toBe('ran after');
    expect(await filesUnder(site)).toEqual([]);
  });

  it('takes over a lock left by a build that died', async () => {
    const root = await sampleWorkspace();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const lock = path.join(root, 'site', LOCK_FILE);
    await withSiteLock(path.join(root, 'site'), async () => undefined);
    await writeFile(lock, JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), since: '2024-02-05T08:00:00Z', token: 'dead' }));
    const run = await gazette(['build'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(await filesUnder(path.join(root, 'site'))).not.toContain(LOCK_FILE);
  });

  it('takes over a lock file that stayed empty or unreadable (a build killed while writing it), not one being written', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'gazette-lock-'));
    const lock = path.join(site, LOCK_FILE);
    await writeFile(lock, '');
    // Fresh: it may be a lock its creator is writing right now, so it is waited for.
    expect(await withSiteLock(site, async () => 'ran', { timeoutMs: 300 }).catch((error: GazetteError) => error.diagnostics[0]!.rule)).toBe('site/locked');
    for (const text of ['', 'garbage{']) {
      await writeFile(lock, text);
      const longAgo = new Date(Date.now() - 60_000);
      await utimes(lock, longAgo, longAgo);
      expect(await withSiteLock(site, async () => 'ran', { timeoutMs: 1000 })).toBe('ran');
      expect(await filesUnder(site)).not.toContain(LOCK_FILE);
    }
  });
});
