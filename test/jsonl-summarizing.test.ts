import { Readable, Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, summarizeJsonl } from '../src/summarize/jsonl.js';

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

  it('writes key points alone, every quotes list empty, when quotes are not wanted', async () => {
    const text = `${ARTICLE} "Nobody on this council voted against a single playground," said Councillor Ruth Adebayo.`;
    const summarize = async (quotes: boolean) => {
      const { stream, lines } = collector(false);
      expect(await summarizeJsonl(Readable.from([`${JSON.stringify({ id: 'a1', text })}\n`]), stream, { points: 2, quotes })).toEqual([]);
      return JSON.parse(lines[0] ?? '') as { keyPoints: string[]; quotes: Array<{ speaker: string }> };
    };
    expect((await summarize(true)).quotes.map((quote) => quote.speaker)).toEqual(['Ruth Adebayo']);
    const alone = await summarize(false);
    expect(alone.quotes).toEqual([]);
    expect(alone.keyPoints).toHaveLength(2);
  });

  it.each([
    ['UTF-8 with a byte order mark', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 with a byte order mark, as Windows PowerShell writes a redirected file', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 without one', (text: string) => Buffer.from(text, 'utf16le')],
  ])('reads %s as it reads UTF-8, in chunks that split its characters', async (_encoding, encode) => {
    const text = `${JSON.stringify({ id: 'é1', text: ARTICLE.replace('mayor', 'maire, Zoë Brontë,') })}\r\n`;
    const summarize = async (bytes: Buffer) => {
      const { stream, lines } = collector(false);
      // Chunks of 7 bytes: characters of two and three bytes fall across them.
      const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) => bytes.subarray(index * 7, index * 7 + 7));
      expect(await summarizeJsonl(Readable.from(chunks), stream, { points: 2 })).toEqual([]);
      return lines;
    };
    expect(await summarize(encode(text))).toEqual(await summarize(Buffer.from(text, 'utf8')));
  });

  it('tells UTF-16 by its first bytes also when they come one at a time, as from a slow producer', async () => {
    const text = `${JSON.stringify({ id: 'u1', text: ARTICLE })}\n`;
    for (const bytes of [Buffer.from(text, 'utf16le'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]) {
      const chunks = [bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2, 3), bytes.subarray(3)];
      const { stream, lines } = collector(false);
      expect(await summarizeJsonl(Readable.from(chunks), stream, { points: 2 })).toEqual([]);
      expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['u1']);
    }
  });

  it('refuses an id it could not write back as given, and names what is wrong with an id or a text', async () => {
    const input = [
      '{"id": 9007199254740993, "text": "A."}',
      '{"id": 1.5, "text": "A."}',
      '{"id": null, "text": "A."}',
      '{"id": "x", "text": 5}',
      `{"id": 9007199254740991, "text": ${JSON.stringify(ARTICLE)}}`,
    ].join('\n');
    const { stream, lines } = collector(false);
    const problems = await summarizeJsonl(Readable.from([input]), stream);
    expect(problems.map(({ line, message }) => [line, message])).toEqual([
      [1, '"id" is a number not carried exactly (a fraction, or past 2^53); write it as a string'],
      [2, '"id" is a number not carried exactly (a fraction, or past 2^53); write it as a string'],
      [3, '"id" is null, not a string or a whole number'],
      [4, '"text" is a number, not a string'],
    ]);
    expect(lines.map((line) => line.slice(0, 24))).toEqual(['{"id":9007199254740991,"']);
  });

  it('reads a byte order mark opening any line (files joined together) and writes U+2028 escaped, one summary per line', async () => {
    const withBreak = ARTICLE.replace('new budget', 'new\u2028budget');
    const input = `\uFEFF${JSON.stringify({ id: 1, text: ARTICLE })}\n\uFEFF${JSON.stringify({ id: 2, text: withBreak })}\n`;
    const { stream, lines } = collector(false);
    expect(await summarizeJsonl(Readable.from([input]), stream, { points: 1 })).toEqual([]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('new\\u2028budget');
    expect(lines[1]).not.toMatch(/[\u2028\u2029]/);
    expect((JSON.parse(lines[1] ?? '') as { keyPoints: string[] }).keyPoints[0]).toContain('new\u2028budget');
  });

  it('warns of a line with bytes that are not UTF-8 and summarizes it all the same; a valid U+FFFD is no such line', async () => {
    const good = Buffer.from(`${JSON.stringify({ id: 1, text: ARTICLE.replace('mayor', 'maire \uFFFD') })}\n`, 'utf8');
    // `café` in Latin-1: 0xE9 alone, no UTF-8 character.
    const bad = Buffer.concat([Buffer.from('{"id": 2, "text": "The caf'), Buffer.from([0xe9]), Buffer.from(`${JSON.stringify(` opened. ${ARTICLE}`).slice(1)}}\n`)]);
    const summarize = async (chunks: Buffer[]) => {
      const { stream, lines } = collector(false);
      const problems = await summarizeJsonl(Readable.from(chunks), stream, { points: 1 });
      return { problems: problems.map(({ line, rule, severity }) => ({ line, rule, severity })), ids: lines.map((line) => (JSON.parse(line) as { id: number }).id) };
    };
    expect(await summarize([good])).toEqual({ problems: [], ids: [1] });
    expect(await summarize([good, bad])).toEqual({ problems: [{ line: 2, rule: 'jsonl/not-utf8', severity: 'warning' }], ids: [1, 2] });
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

  it('reports an article too long to summarize by its line and goes on, rather than running out of memory', async () => {
    const input = [JSON.stringify({ id: 'huge', text: 'x '.repeat(MAX_TEXT_LENGTH / 2 + 1) }), JSON.stringify({ id: 'next', text: ARTICLE })].join('\n');
    const { stream, lines } = collector(false);
    const problems = await summarizeJsonl(Readable.from([input]), stream, { file: 'articles.jsonl' });
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['next']);
    expect(problems.map(({ line, rule }) => ({ line, rule }))).toEqual([{ line: 1, rule: 'jsonl/too-long' }]);
  });

  it('breaks lines at \\n, \\r\\n and a lone \\r, also when a chunk ends between \\r and \\n', async () => {
    const line = (id: number) => JSON.stringify({ id, text: ARTICLE });
    const chunks = [`${line(1)}\r\n${line(2)}\r`, `\n${line(3)}\r${line(4)}\n`, `\n${line(5)}`];
    const { stream, lines } = collector(false);
    const problems = await summarizeJsonl(Readable.from(chunks), stream, { file: 'articles.jsonl' });
    expect(problems).toEqual([]);
    expect(lines.map((text) => (JSON.parse(text) as { id: number }).id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a line too long to hold by its number without keeping it, and reads on', async () => {
    const hugeLine = `{"id": "huge", "text": "${'x'.repeat(4 * MAX_TEXT_LENGTH + 1)}"}`;
    const chunks = [hugeLine.slice(0, 1000), hugeLine.slice(1000), `\n${JSON.stringify({ id: 'next', text: ARTICLE })}\n`];
    const { stream, lines } = collector(false);
    const problems = await summarizeJsonl(Readable.from(chunks), stream);
    expect(lines.map((text) => (JSON.parse(text) as { id: string }).id)).toEqual(['next']);
    expect(problems.map(({ line, rule }) => ({ line, rule }))).toEqual([{ line: 1, rule: 'jsonl/too-long' }]);
  });

  it('tells its progress after each summary: articles written and bytes of the input read, skipped lines counted in the bytes', async () => {
    const lines = [JSON.stringify({ id: 1, text: ARTICLE }), 'not json', JSON.stringify({ id: 'café', text: ARTICLE })];
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    const chunks = [bytes.subarray(0, 100), bytes.subarray(100)];
    const seen: Array<{ articles: number; bytesRead: number }> = [];
    const { stream } = collector(false);
    await summarizeJsonl(Readable.from(chunks), stream, { onProgress: (progress) => seen.push(progress) });
    expect(seen.map((progress) => progress.articles)).toEqual([1, 2]);
    expect(seen[0]?.bytesRead).toBeGreaterThanOrEqual(100);
    expect(seen.at(-1)?.bytesRead).toBe(bytes.length);
  });

  it('tells of each bad line as it reads it and keeps none, when asked to', async () => {
    const told: Array<{ line: number | undefined; before: number }> = [];
    const { stream, lines } = collector(false);
    const input = ['not json', JSON.stringify({ id: 1, text: ARTICLE }), '[1]', JSON.stringify({ id: 2, text: ARTICLE })].join('\n');
    const kept = await summarizeJsonl(Readable.from([input]), stream, { onProblem: (problem) => told.push({ line: problem.line, before: lines.length }) });
    expect(kept).toEqual([]);
    // Each is told before the summaries of the lines after it are written.
    expect(told).toEqual([{ line: 1, before: 0 }, { line: 3, before: 1 }]);
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
