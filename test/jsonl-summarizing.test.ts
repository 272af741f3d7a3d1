import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { summarizeJsonl } from '../src/summarize/jsonl.js';
import { gazette } from './support/cli.js';

const ARTICLE =
  'The city council approved the new budget for public parks on Tuesday evening. ' +
  'The budget adds two new playgrounds and repairs the old swimming pool downtown. ' +
  '"This is a great day for every family in the city," the mayor said after the vote.';

/** A writable that keeps every line and, when slow, takes a turn of the event loop per chunk. */
function collector(slow: boolean): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      if (slow) void nextTurn().then(() => done());
      else done();
    },
  });
  return { stream, lines };
}

describe('summarizeJsonl', () => {
  it('writes one summary line per article with key points and quotes', async () => {
    const { stream, lines } = collector(false);
    const problems = await summarizeJsonl(Readable.from([`${JSON.stringify({ id: 'a1', text: ARTICLE })}\n`]), stream, { points: 2 });
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0] ?? '') as { id: string; keyPoints: string[]; quotes: Array<Record<string, unknown>> };
    expect(summary.id).toBe('a1');
    expect(summary.keyPoints).toHaveLength(2);
    for (const quote of summary.quotes) {
      expect(Object.keys(quote).sort()).toEqual(['end', 'role', 'speaker', 'speakerEnd', 'speakerStart', 'start', 'text']);
    }
  });

  it('reports a malformed line with its number and goes on with the rest', async () => {
    const input = [
      JSON.stringify({ id: 1, text: ARTICLE }),
      '{"id": 2, "text": ',
      '',
      JSON.stringify({ id: 3 }),
      JSON.stringify({ id: 4, text: ARTICLE }),
    ].join('\n');
    const { stream, lines } = collector(false);
    const problems = await summarizeJsonl(Readable.from([input]), stream, { file: 'articles.jsonl' });
    expect(lines.map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([1, 4]);
    expect(problems.map(({ file, line, rule, severity }) => ({ file, line, rule, severity }))).toEqual([
      { file: 'articles.jsonl', line: 2, rule: 'jsonl/parse', severity: 'error' },
      { file: 'articles.jsonl', line: 4, rule: 'jsonl/parse', severity: 'error' },
    ]);
  });

  it('streams 10,000 lines in order through a slow output', async () => {
    const count = 10_000;
    function* articles(): Generator<string> {
      for (let id = 0; id < count; id++) yield `${JSON.stringify({ id, text: ARTICLE })}\n`;
    }
    const { stream, lines } = collector(true);
    const problems = await summarizeJsonl(Readable.from(articles()), stream, { points: 1 });
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(count);
    expect(lines.every((line, i) => (JSON.parse(line) as { id: number }).id === i)).toBe(true);
  });
});

describe('gazette summarize --jsonl in threads', () => {
  /** Articles of different lengths, so threads finish out of turn: some with quotes, one with none, one with braces and curly quotes. */
  function articles(): string {
    const sentences = [
      'The harbour board voted on Monday to close the northern pier for repairs.',
      '"We cannot wait another winter," said Ines Okafor, the board\'s chair.',
      'Fishing crews will use the southern quay until the work ends in March.',
      'The repairs will cost {{about}} four million, the board’s report said.',
      'Residents had asked for the pier to stay open on weekends, but engineers said the timber could not take it.',
    ];
    return Array.from({ length: 60 }, (_, id) => {
      const text = Array.from({ length: 1 + ((id * 7) % 23) }, (_, i) => sentences[(id + i) % sentences.length]).join(' ');
      return JSON.stringify({ id: `story-${id}`, text });
    }).join('\n');
  }

  it('writes what one thread writes, line for line and in input order, whatever the number of threads', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-jsonl-threads-'));
    const file = path.join(dir, 'articles.jsonl');
    await writeFile(file, `${articles()}\n`);
    const one = await gazette(['summarize', '--jsonl', file, '--points', '2', '--threads', '1']);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split('\n')).toHaveLength(60);
    for (const threads of ['2', '5']) {
      const many = await gazette(['summarize', '--jsonl', file, '--points', '2', '--all-quotes', '--threads', threads]);
      const oneAllQuotes = await gazette(['summarize', '--jsonl', file, '--points', '2', '--all-quotes', '--threads', '1']);
      expect(many).toEqual(oneAllQuotes);
    }
    expect((await gazette(['summarize', '--jsonl', file, '--points', '2'])).stdout).toBe(one.stdout);
  });

  it('refuses a number of threads that is not a positive whole number', async () => {
    const refused = await gazette(['summarize', '--jsonl', '-', '--threads', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/threads.*positive whole number/);
  });
});
