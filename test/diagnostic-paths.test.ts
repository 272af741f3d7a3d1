import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, writeIssue } from '../src/build.js';
import { shownDiagnostics, shownPath } from '../src/cli/terminal.js';
import { GazetteError } from '../src/diagnostics/diagnostic.js';
import { gazette } from './support/cli.js';
import { makeWorkspace } from './support/workspace.js';

const NO_TITLE = '---\ndate: 2024-03-05\n---\nx\n';

/** The message of the first printed diagnostic, after its place and field. */
const error = (stderr: string) => /^\S+ error title: (.*)$/m.exec(stderr)?.[1] ?? 'no diagnostic';

async function failure(promise: Promise<unknown>): Promise<GazetteError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GazetteError);
  return error as GazetteError;
}

describe('paths in diagnostics', () => {
  it('are absolute from the library, whatever the current folder', async () => {
    const root = await makeWorkspace({ 'a.md': NO_TITLE });
    const error = await failure(buildDigest({ root, env: {} }));
    expect(error.diagnostics).toEqual([expect.objectContaining({ rule: 'front-matter/required', file: path.join(root, 'articles', 'a.md') })]);
  });

  it('are the workspace\'s own in digest.json, a file others read: never this machine\'s folders', async () => {
    const root = await makeWorkspace({ 'a.md': '---\ntitle: T\ndate: 2024-03-05\nsubtitle: extra\n---\nA sentence here. Another one.\n' });
    const result = await buildDigest({ root, env: {} });
    expect(result.digest.warnings).toContainEqual(expect.objectContaining({ rule: 'front-matter/unknown-field', file: path.join(root, 'articles', 'a.md') }));
    const written = JSON.parse(await readFile(path.join(await writeIssue(result), 'digest.json'), 'utf8')) as { warnings: { rule: string; file?: string }[] };
    expect(written.warnings).toContainEqual(expect.objectContaining({ rule: 'front-matter/unknown-field', file: 'articles/a.md' }));
    expect(JSON.stringify(written)).not.toContain(root);
  });

  it('name the folder in `file`, not in the message, when no article is found', async () => {
    const root = await makeWorkspace({});
    const error = await failure(buildDigest({ root, env: {} }));
    expect(error.diagnostics).toEqual([expect.objectContaining({ rule: 'issue/empty', file: path.join(root, 'articles') })]);
    expect(error.diagnostics[0]!.message).not.toContain(root);
    expect(error.diagnostics[0]!.message).toMatch(/^no articles dated today \(\d{4}-\d\d-\d\d\) or earlier$/);
  });

  it('are printed by the CLI relative to the current folder, in lines and in --json alike', async () => {
    const root = await makeWorkspace({ 'a.md': NO_TITLE });
    const nested = path.join(root, 'notes');
    await mkdir(nested);
    await writeFile(path.join(nested, 'keep.txt'), '');

    const fromRoot = await gazette(['build'], root);
    expect(fromRoot.stderr).toMatch(/^articles\/a\.md:1:1 error title: .*\(front-matter\/required\)$/m);
    // Outside the current folder a relative path would climb out of it: the absolute one is printed.
    const fromBelow = await gazette(['build', '--config', '../gazette.config.json', '--articles', '../articles', '--templates', '../templates'], nested);
    expect(fromBelow.stderr.split('\n')[0]).toBe(`${path.join(root, 'articles', 'a.md')}:1:1 error title: ${error(fromRoot.stderr)}`);

    const json = await gazette(['build', '--json'], root);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, diagnostics: [expect.objectContaining({ file: 'articles/a.md' })] });
  });
});

describe('shownPath', () => {
  it('shows a file inside the current folder relative to it, the folder itself as ".", and anything else absolute', () => {
    expect(shownPath('/work/site/articles/a.md', '/work/site')).toBe('articles/a.md');
    expect(shownPath('/work/site', '/work/site')).toBe('.');
    expect(shownPath('/work/other/a.md', '/work/site')).toBe('/work/other/a.md');
    expect(shownPath('given/as-typed.md', '/work/site')).toBe('given/as-typed.md');
  });

  it('is what shownDiagnostics applies to each file, leaving the rest as it is', () => {
    const diagnostics = [
      { rule: 'x', severity: 'error' as const, message: 'm', file: '/work/site/out/2024-W05/email.html', line: 3 },
      { rule: 'y', severity: 'warning' as const, message: 'n' },
    ];
    expect(shownDiagnostics(diagnostics, '/work/site')).toEqual([{ ...diagnostics[0], file: 'out/2024-W05/email.html' }, diagnostics[1]]);
  });
});
