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

  it('writes each file byte for byte as its content, however large, whole or made in pieces', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-atomic-')), 'issue');
    // Several write slices long, with a surrogate pair and a CRLF on every line.
    const large = 'Zoë’s 😀 line\r\n'.repeat(300_000);
    // Many small pieces of two- and four-byte characters, gathered into writes that end between them.
    const small = Array.from({ length: 200_000 }, (_, index) => 'ü😀'.repeat(index % 7));
    await replaceDirectory(dir, {
      'large.txt': large,
      'pieces.json': () => ['{"a":', JSON.stringify(large), '}'],
      'small.txt': () => small,
      'bytes.bin': Buffer.from([0, 255, 10]),
    });
    expect(await readFile(path.join(dir, 'large.txt'), 'utf8')).toBe(large);
    expect(JSON.parse(await readFile(path.join(dir, 'pieces.json'), 'utf8'))).toEqual({ a: large });
    expect(await readFile(path.join(dir, 'small.txt'), 'utf8')).toBe(small.join(''));
    expect([...(await readFile(path.join(dir, 'bytes.bin')))]).toEqual([0, 255, 10]);
  });

  it('writes email.json as the issue it holds: what `gazette send` reads back', async () => {
    const result = await buildDigest({ root: await makeWorkspace({ 'a.md': article('Zoë’s “first” 😀 story', '2024-03-05') }) });
    const dir = await writeIssue(result);
    expect(await readFile(path.join(dir, 'email.json'), 'utf8')).toBe(JSON.stringify({ issue: result.digest.issue.slug, ...result.email }));
    expect(await readFile(path.join(dir, 'email.html'), 'utf8')).toBe(result.preview.html);
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
