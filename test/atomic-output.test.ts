import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, writeIssue } from '../src/build.js';
import { replaceDirectory } from '../src/output/atomic.js';
import { article, makeWorkspace } from './support/workspace.js';

describe('atomic output', () => {
  it('replaces the whole folder: files of the previous build do not linger', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-atomic-')), 'issue');
    await replaceDirectory(dir, { 'a.txt': 'one', 'stale.txt': 'old' });
    await replaceDirectory(dir, { 'a.txt': 'two' });
    expect(await readdir(dir)).toEqual(['a.txt']);
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('two');
    expect((await readdir(path.dirname(dir))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('leaves the previous output intact when a later build fails', async () => {
    const root = await makeWorkspace({ 'a.md': article('First version', '2024-03-05') });
    const first = await writeIssue(await buildDigest({ root }));
    const before = await readFile(path.join(first, 'digest.json'), 'utf8');

    await writeFile(path.join(root, 'articles', 'a.md'), '---\ntitle: [broken\ndate: 2024-03-05\n---\nx\n');
    await expect(buildDigest({ root })).rejects.toThrow(/a\.md/);

    expect(await readFile(path.join(first, 'digest.json'), 'utf8')).toBe(before);
    expect((await readdir(first)).sort()).toEqual(['digest.json', 'email.eml', 'email.html', 'email.json', 'email.mjml', 'email.txt']);
  });
});
