import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutToLastWholeLine, regularFileSize } from '../src/cli/last-whole-line.js';

/** The file's content after cutting it back, opened for writing only as a shell's `>>` opens it. */
async function cutBack(content: string, from: number): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-cut-')), 'out.jsonl');
  writeFileSync(file, content);
  const fd = openSync(file, 'a');
  try {
    cutToLastWholeLine(fd, from);
  } finally {
    closeSync(fd);
  }
  return readFileSync(file, 'utf8');
}

// A disk that fills while a batch is written to a file stops the output mid-line.
describe('output cut back to its last whole line', () => {
  it('drops the half line a full disk left, and keeps the whole ones', async () => {
    expect(await cutBack('{"id":1}\n{"id":2}\n{"id":3,"keyPo', 0)).toBe('{"id":1}\n{"id":2}\n');
  });

  it('leaves output that ends with a whole line as it is', async () => {
    expect(await cutBack('{"id":1}\n{"id":2}\n', 0)).toBe('{"id":1}\n{"id":2}\n');
  });

  it('never cuts into what the file held before this process wrote to it', async () => {
    expect(await cutBack('earlier, no line break{"id":1}\n{"id":2,"ke', 22)).toBe('earlier, no line break{"id":1}\n');
    expect(await cutBack('earlier, no line break{"id":1,"ke', 22)).toBe('earlier, no line break');
  });

  it('finds the last line break however long the half line is', async () => {
    expect(await cutBack(`{"id":1}\n{"id":2,"text":"${'x'.repeat(200_000)}`, 0)).toBe('{"id":1}\n');
  });

  it('knows where a regular file ended before the process wrote, and has nothing to say of a pipe', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gazette-cut-')), 'out.jsonl');
    writeFileSync(file, 'twelve bytes');
    const fd = openSync(file, 'a');
    try {
      expect(regularFileSize(fd)).toBe(12);
    } finally {
      closeSync(fd);
    }
    expect(regularFileSize(-1)).toBe(0);
  });
});
