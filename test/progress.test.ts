import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/terminal.js';
import { CLI, gazette } from './support/cli.js';
import { builtWorkspace, writeList } from './support/smtp-workspace.js';
import { article, makeWorkspace } from './support/workspace.js';

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would, with
 * the shell's `redirections` (`> out.jsonl`), its standard input piped from a file when `pipedFrom`.
 */
async function onTerminal(args: string[], cwd: string, redirections = '', pipedFrom?: string): Promise<string> {
  const gazetteCommand = `${[process.execPath, CLI, ...args].map((word) => `'${word}'`).join(' ')} ${redirections}`;
  const command = pipedFrom === undefined ? gazetteCommand : `cat '${pipedFrom}' | ${gazetteCommand}`;
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', GAZETTE_CHROMIUM: '/nonexistent', GAZETTE_SPAMASSASSIN: '/nonexistent' };
  const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], { cwd, env }).catch((error: { stdout: string }) => error);
  return stdout;
}

const rows = (count: number) => Array.from({ length: count }, (_, i) => `reader${i}@example.com,Reader ${i}`);

describe('progress on long work', () => {
  it('is drawn in place on a terminal and not at all elsewhere', () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const bar = progressBar(200, 'Importing', terminal, (done, total) => `${Math.floor((done / total) * 100)}%`);
    bar.update(50);
    bar.update(200);
    bar.stop();
    expect(written).toEqual([`\rImporting [######------------------] 25%\u001b[K`, `\rImporting [########################] 100%\u001b[K`, '\r\u001b[K']);

    const piped: string[] = [];
    const pipe = { isTTY: false, write: (text: string) => piped.push(text) } as unknown as NodeJS.WriteStream;
    progressBar(200, 'Importing', pipe).update(50);
    expect(piped).toEqual([]);
  });

  it('keeps within a narrow terminal, so that each redraw replaces the last rather than wrapping onto a new line', () => {
    const written: string[] = [];
    const narrow = { isTTY: true, columns: 30, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    progressBar(200, 'Summarizing', narrow).update(50, '1234 articles');
    expect(written).toEqual(['\rSummarizing [######----------\u001b[K']);
  });

  it('draws nothing on a terminal that cannot redraw in place (TERM=dumb)', () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const term = process.env.TERM;
    process.env.TERM = 'dumb';
    try {
      progressBar(200, 'Importing', terminal).update(50);
    } finally {
      if (term === undefined) delete process.env.TERM;
      else process.env.TERM = term;
    }
    expect(written).toEqual([]);
  });

  it('shows subscribers import on a terminal, and stays quiet with --json or when piped', async () => {
    const root = await builtWorkspace();
    await writeList(root, rows(3000));
    expect(await onTerminal(['subscribers', 'import', 'list.csv'], root)).toMatch(/\rImporting \[#+-*\] \d+%[^]*3000 added/);
    expect(await onTerminal(['subscribers', 'import', 'list.csv', '--json'], root)).not.toContain('Importing');
    const piped = await gazette(['subscribers', 'import', 'list.csv'], root);
    expect(piped.stdout).toContain('0 added, 3000 updated');
    expect(piped.stderr).not.toContain('Importing');
  });

  it('shows a summarize --jsonl batch by bytes read and articles done on a terminal, and nothing when piped', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gazette-batch-'));
    const text = 'The harbour wall at Kestle reopened on Monday after repairs. "We rebuilt it stone by stone," said Joan Pellow, the harbour master.';
    await writeFile(path.join(folder, 'articles.jsonl'), Array.from({ length: 300 }, (_, id) => `${JSON.stringify({ id, text })}\n`).join(''));
    const bar = /\rSummarizing \[#*-*\] \d+\.\d\/\d+\.\d kB \d+ articles?/;
    expect(await onTerminal(['summarize', '--jsonl', 'articles.jsonl'], folder, '> summaries.jsonl')).toMatch(bar);
    expect((await readFile(path.join(folder, 'summaries.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(300);
    // Standard input redirected from a file has a size too; from a pipe it has none to measure by.
    expect(await onTerminal(['summarize', '--jsonl', '-'], folder, '< articles.jsonl > summaries.jsonl')).toMatch(bar);
    expect(await onTerminal(['summarize', '--jsonl', '-'], folder, '> summaries.jsonl', 'articles.jsonl')).not.toContain('Summarizing');
    expect((await readFile(path.join(folder, 'summaries.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(300);
    // Summaries written to the terminal itself show how far it has got, and a bar would break their lines.
    const onScreen = await onTerminal(['summarize', '--jsonl', 'articles.jsonl'], folder);
    expect(onScreen).not.toContain('Summarizing');
    expect(onScreen.split('\n').filter((line) => line.startsWith('{"id"'))).toHaveLength(300);
    const piped = await gazette(['summarize', '--jsonl', 'articles.jsonl'], folder);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });

  it('shows the check groups on a terminal, and stays quiet with --json', async () => {
    const root = await makeWorkspace({ 'a.md': article('A story worth checking', '2024-03-05') });
    expect((await gazette(['build'], root)).code).toBe(0);
    expect(await onTerminal(['check'], root)).toMatch(/\rchecking \[#+-*\] \d+\/10 [a-z]+/);
    const json = await onTerminal(['check', '--json'], root);
    expect(json).not.toContain('checking [');
    expect(JSON.parse(json.slice(json.indexOf('{')))).toMatchObject({ issue: '2024-W10' });
  });
});
