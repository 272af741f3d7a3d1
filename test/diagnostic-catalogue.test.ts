import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor } from '../src/cli/exit-codes.js';
import { inCommandLineWords } from '../src/cli/option-wording.js';
import { CATALOGUE, catalogueEntry, isCheckGroup } from '../src/diagnostics/catalogue.js';
import { diagnostic } from '../src/diagnostics/diagnostic.js';
import { REPO } from './support/workspace.js';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The rule rows (those with a severity) of a docs page by id, `axe/<axe rule>` read as the family `axe/*`. */
function documentedRows(markdown: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const id = /^\| `([a-z0-9-]+\/[^`]+)` \| (?:error|warning|info) \|/.exec(line)?.[1];
    if (id) rows.set(id.replace(/\/<[^>]+>$/, '/*'), line);
  }
  return rows;
}

describe('the diagnostic catalogue', () => {
  it.each([
    ['check-rules.md', true],
    ['diagnostics.md', false],
  ])('is documented in %s row for row, with its severity and what to do', async (page, checkGroups) => {
    const rows = documentedRows(await readFile(path.join(REPO, 'docs', page), 'utf8'));
    const entries = Object.entries(CATALOGUE).filter(([, entry]) => isCheckGroup(entry.group) === checkGroups);
    expect([...rows.keys()].sort()).toEqual(entries.map(([id]) => id).sort());
    for (const [id, entry] of entries) {
      expect(rows.get(id), id).toContain(`\` | ${entry.severity} | `);
      expect(rows.get(id)!.endsWith(` | ${entry.fix.replaceAll('|', '\\|')} |`), id).toBe(true);
    }
  });

  it('tells what to do about every rule', () => {
    for (const [id, entry] of Object.entries(CATALOGUE)) {
      expect(entry.summary, id).not.toBe('');
      expect(entry.fix, id).toMatch(/\.$/);
    }
  });

  it('holds every rule id written in src/, however the call is spelled', async () => {
    // The type of diagnostic() and finding() catches literal ids at compile time; this catches ids built at run time too.
    const ids = new Set<string>();
    for (const file of await sourceFiles(path.join(REPO, 'src'))) {
      const source = await readFile(file, 'utf8');
      for (const [, id] of source.matchAll(/(?:diagnostic|finding|familyFinding)\(\s*'([^']+)'/g)) ids.add(id!);
      for (const [, id] of source.matchAll(/\brule:\s*'([^']+)'/g)) ids.add(id!);
      // An id chosen at run time: `const rule = cond ? 'smtp/auth' : 'smtp/connect'`.
      for (const [, choice] of source.matchAll(/\brule = ([^;]+);/g)) for (const [, id] of choice!.matchAll(/'([a-z0-9-]+\/[a-z0-9-]+)'/g)) ids.add(id!);
    }
    expect(ids.size).toBeGreaterThan(60);
    expect([...ids].filter((id) => catalogueEntry(id) === undefined)).toEqual([]);
  });

  it('keeps the command line to src/cli: no cli/ ids and no --flag wording in library messages', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(path.join(REPO, 'src'))) {
      if (file.startsWith(path.join(REPO, 'src', 'cli') + path.sep)) continue;
      // Chromium's switches are a process's arguments, and the preview page's `--name` are CSS variables: no words for a user.
      if (file === path.join(REPO, 'src', 'browser.ts') || file.startsWith(path.join(REPO, 'src', 'preview', 'page') + path.sep)) continue;
      // The catalogue lists every id, the CLI's among them; only src/cli may emit those.
      const registry = file === path.join(REPO, 'src', 'diagnostics', 'catalogue.ts');
      const code = (await readFile(file, 'utf8'))
        .split('\n')
        .filter((line) => !/^\s*(?:\/\/|\/\*|\*)/.test(line))
        .join('\n');
      for (const [literal] of code.matchAll(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g)) {
        if ((!registry && /^['"`]cli\//.test(literal)) || /--[a-z]/.test(literal)) offenders.push(`${path.relative(REPO, file)}: ${literal.slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the command line', () => {
  it('exits 2 when what was asked for is wrong and 1 when the files are', () => {
    expect(exitCodeFor([diagnostic('window/invalid-week', 'must look like 2024-W05', { field: 'week' })])).toBe(ExitCode.usage);
    expect(exitCodeFor([diagnostic('config/smtp-url', 'no host', { file: 'gazette.config.json', field: 'smtp' })])).toBe(ExitCode.problems);
    expect(exitCodeFor([diagnostic('front-matter/required', 'is required'), diagnostic('cli/list', 'choose one list')])).toBe(ExitCode.usage);
  });

  it('names a request field by its option and adds the option to type next, leaving file fields alone', () => {
    expect(inCommandLineWords(diagnostic('window/invalid-date', 'is not a real calendar date', { field: 'from' }))).toMatchObject({ field: '--from', message: 'is not a real calendar date' });
    expect(inCommandLineWords(diagnostic('send/already-started', 'issue 2024-W05 was already sent'))).toMatchObject({ message: 'issue 2024-W05 was already sent; run again with --resume to send to the rest' });
    expect(inCommandLineWords(diagnostic('config/smtp-url', 'no host', { file: 'gazette.config.json', field: 'smtp' }))).toMatchObject({ field: 'smtp' });
  });
});
