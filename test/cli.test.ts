import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli/program.js';
import { CLI, gazette } from './support/cli.js';
import { article, makeWorkspace } from './support/workspace.js';

describe('gazette CLI', () => {
  it.each(createProgram().commands.map((command) => command.name()))('has --help for %s', async (name) => {
    const { code, stdout } = await gazette([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: gazette ${name}`);
  });

  it('is an executable with a node shebang, so `npx gazette` runs it', async () => {
    expect((await stat(CLI)).mode & 0o111).not.toBe(0);
    expect(await readFile(CLI, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('builds a workspace, printing one line per article and where it wrote', async () => {
    const root = await makeWorkspace({ 'a.md': article('First story', '2024-03-05'), 'b.md': article('Second story', '2024-03-06') });
    const { code, stdout } = await gazette(['build'], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2024-W10.*2 articles/);
    expect(stdout).toMatch(/2024-03-05 {2}First story/);
    expect(stdout).toContain(`Wrote ${path.join('out', '2024-W10')}/`);
    expect((await readdir(path.join(root, 'out', '2024-W10'))).sort()).toEqual(['digest.json', 'email.eml', 'email.html', 'email.json', 'email.mjml', 'email.txt']);
  });

  it('prints the digest as JSON with --json', async () => {
    const root = await makeWorkspace({ 'a.md': article('Json story', '2024-03-05') });
    const { code, stdout } = await gazette(['build', '--json'], root);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ issue: { slug: '2024-W10' }, articles: [{ title: 'Json story' }] });
  });

  it('exits 1 on bad input with every error naming file, line and field', async () => {
    const root = await makeWorkspace({ 'a.md': '---\ntitle: Fine\ndate: 2024-02-31\n---\nx\n', 'b.md': '---\ntitle: "unclosed\ndate: 2024-03-05\n---\nx\n' });
    const { code, stderr, stdout } = await gazette(['build'], root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/articles\/a\.md:3:7 error date: is not a real calendar date \(front-matter\/invalid\)/);
    expect(stderr).toMatch(/articles\/b\.md:\d+:\d+ error invalid YAML/);
    await expect(readdir(path.join(root, 'out'))).rejects.toThrow();
  });

  it('reports a title written as an unquoted {{placeholder}} as one diagnostic, without the YAML parser\'s own warning', async () => {
    const root = await makeWorkspace({ 'a.md': '---\ntitle: {{first_name}}\ndate: 2024-03-05\n---\nx\n' });
    const { code, stderr } = await gazette(['build'], root);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('articles/a.md:2:8 error title: Invalid input: expected string, received object (front-matter/invalid)');
  });

  it('reports problems as JSON on stdout with --json', async () => {
    const root = await makeWorkspace({ 'a.md': '---\ndate: 2024-03-05\n---\nx\n' });
    const { code, stdout } = await gazette(['build', '--json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ ok: false, diagnostics: [expect.objectContaining({ field: 'title', rule: 'front-matter/required', file: 'articles/a.md' })] });
  });

  it('exits 2 on a usage error', async () => {
    expect((await gazette(['build', '--no-such-flag'])).code).toBe(2);
    // A count is digits: not hexadecimal, an exponent or padded with a space, which Number() reads.
    for (const points of ['0x10', '1e3', ' 3', '0']) expect((await gazette(['summarize', '--jsonl', '-', '--points', points])).code).toBe(2);
    const both = await gazette(['summarize', 'articles/2024-02-04-regent-cinema-reopens.md', '--jsonl', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('(cli/summarize-input)');
    expect((await gazette(['build', '--week', 'last'], await makeWorkspace({ 'a.md': article('A', '2024-03-05') }))).code).toBe(2);
  });

  it('colours only when allowed: FORCE_COLOR turns it on, NO_COLOR always off', async () => {
    const root = await makeWorkspace({ 'a.md': '---\ndate: 2024-03-05\n---\nx\n' });
    expect((await gazette(['build'], root, { FORCE_COLOR: '1', NO_COLOR: '' })).stderr).toContain('\u001b[31m');
    expect((await gazette(['build'], root, { FORCE_COLOR: '1', NO_COLOR: '1' })).stderr).not.toContain('\u001b[');
  });

  it('summarizes one article file', async () => {
    const { code, stdout } = await gazette(['summarize', 'articles/2024-01-30-china-us-resume-fentanyl-talks.md', '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { keyPoints: string[] };
    expect(summary.keyPoints[0]).toMatch(/resumed talks/);
  });

  it('summarizes key points alone with --no-quotes, and refuses it beside --all-quotes', async () => {
    const file = 'articles/2024-01-30-china-us-resume-fentanyl-talks.md';
    const withQuotes = JSON.parse((await gazette(['summarize', file, '--json'])).stdout) as { keyPoints: string[]; quotes: unknown[] };
    expect(withQuotes.quotes.length).toBeGreaterThan(0);
    const { code, stdout } = await gazette(['summarize', file, '--json', '--no-quotes']);
    expect(code).toBe(0);
    const alone = JSON.parse(stdout) as { keyPoints: string[]; quotes: unknown[] };
    expect(alone.quotes).toEqual([]);
    expect(alone.keyPoints[0]).toBe(withQuotes.keyPoints[0]);
    const text = await gazette(['summarize', file, '--no-quotes']);
    expect(text.stdout).toContain('Key points:');
    expect(text.stdout).not.toContain('Quotes:');
    const both = await gazette(['summarize', '--jsonl', '-', '--no-quotes', '--all-quotes']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--no-quotes' cannot be used with option '--all-quotes'");
  });

  it('reports a JSONL input that opens but cannot be read (a folder) as unreadable, exit 1, not as a bug', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gazette-jsonl-'));
    const { code, stderr } = await gazette(['summarize', '--jsonl', folder]);
    expect(code).toBe(1);
    expect(stderr).toContain('(jsonl/unreadable)');
    expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
  });

  it('reports standard input redirected from a folder as unreadable, exit 1, as it reports a folder named by path', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gazette-jsonl-'));
    const input = openSync(folder, 'r');
    try {
      const run = spawnSync(process.execPath, [CLI, 'summarize', '--jsonl', '-'], { stdio: [input, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('<stdin> error cannot read: illegal operation on a directory (jsonl/unreadable)');
    } finally {
      closeSync(input);
    }
  });

  it('shows control characters of the input in a diagnostic as escapes, not as orders to the terminal', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gazette-jsonl-'));
    await writeFile(path.join(folder, 'odd.jsonl'), '\u001b[2J\u001b]0;PWNED\u0007\n');
    const { code, stderr } = await gazette(['summarize', '--jsonl', 'odd.jsonl'], folder);
    expect(code).toBe(1);
    expect(stderr).toContain('odd.jsonl:1 error not JSON');
    expect(stderr).toContain('\\u001b[2J\\u001b]0;PWNED\\u0007');
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('prints its diagnostics with the path whole when the working folder is deleted under it, not a stack trace', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gazette-jsonl-'));
    const input = path.join(folder, 'mixed.jsonl');
    await writeFile(input, `not json\n${JSON.stringify({ id: 1, text: 'The council met on Monday and agreed the budget for the parks.' })}\n`);
    const script = `mkdir gone && cd gone && rmdir ../gone && exec "$0" "$1" summarize --jsonl "$2"`;
    const run = spawnSync('sh', ['-c', script, process.execPath, CLI, input], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${input}:1 error not JSON: Unexpected token 'o', "not json" is not valid JSON (jsonl/parse)\n`);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reports each bad line as it reads it, so that a run cut short by its reader (| head -1) still exits 1', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gazette-jsonl-'));
    const line = JSON.stringify({ id: 1, text: 'The council met on Monday and agreed the budget for the parks. "We kept our promise," said Mayor Ana Ruiz.' });
    await writeFile(path.join(folder, 'early.jsonl'), `bad early line\n${`${line}\n`.repeat(3000)}`);
    const run = spawnSync('bash', ['-c', `"$0" "$1" summarize --jsonl early.jsonl | head -1 > /dev/null; echo "exit \${PIPESTATUS[0]}"`, process.execPath, CLI], { cwd: folder, encoding: 'utf8' });
    expect(run.stderr).toContain('early.jsonl:1 error not JSON');
    expect(run.stdout.trim()).toBe('exit 1');
  });

  it('reports output that cannot be written (a full disk) in one line, exit 1, without a stack trace', () => {
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    const full = openSync('/dev/full', 'w');
    const run = spawnSync(process.execPath, [CLI, 'summarize', 'articles/2024-01-30-china-us-resume-fentanyl-talks.md'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    closeSync(full);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('error cannot write the output: no space left on device (output/unwritable)');
  });

  it('writes a new article that then builds', async () => {
    const root = await makeWorkspace({});
    const created = await gazette(['new', 'A Fresh Idea!', '--date', '2024-05-01'], root);
    expect(created.stdout.trim()).toBe(`Created ${path.join('articles', '2024-05-01-a-fresh-idea.md')}`);
    const file = path.join(root, 'articles', '2024-05-01-a-fresh-idea.md');
    expect(await readFile(file, 'utf8')).toMatch(/^---\ntitle: "A Fresh Idea!"\ndate: 2024-05-01\n/);
    expect((await gazette(['new', 'A Fresh Idea!', '--date', '2024-05-01'], root)).code).toBe(1);
    await writeFile(file, (await readFile(file, 'utf8')).replace('draft: true\n', ''));
    expect((await gazette(['build'], root)).code).toBe(0);
  });

  it('sets up a workspace with init that builds straight away', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-init-')), 'news');
    const init = await gazette(['init', dir]);
    expect(init.code).toBe(0);
    // Outside the clone, with no node_modules around it, `npx gazette` would ask the registry.
    expect(init.stdout).toContain(`&& node ${await realpath(CLI)} build\n`);
    expect(init.stdout).not.toContain('npx');
    expect((await readdir(dir)).sort()).toEqual(['articles', 'gazette.config.json', 'templates']);
    expect((await gazette(['build'], dir)).code).toBe(0);
    expect((await gazette(['init', dir, '--json'])).stdout).toMatch(/"skipped": \[\s*"gazette.config.json"/);
  });

  it('tells the next step as a command to paste: no `cd` into the current folder, a folder name with a space quoted', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'gazette-init-'));
    const here = await gazette(['init'], parent);
    expect(here.stdout).toContain(`\nNext: node ${await realpath(CLI)} build\n`);
    const spaced = await gazette(['init', 'my news'], parent);
    expect(spaced.stdout).toContain(`\nNext: cd 'my news' && node ${await realpath(CLI)} build\n`);
  });
});
