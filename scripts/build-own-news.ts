/**
 * Builds the held-out "own news" set (bench/data/own-news/) from its readable source,
 * bench/data/own-news/articles.md, and checks every span it writes.
 *
 *   npm run build && node dist/scripts/build-own-news.js [bench/data/own-news]
 *
 * Why a script: the offsets in the JSONL files are JavaScript string indices, so they are computed
 * from the marked-up text here, never counted by hand. The source format (see the README beside it):
 *
 *   === <article id>
 *   <paragraphs, one per line, blank line between; quotes marked ⟦qN:…⟧, their speaker mention
 *    ⟦sN:…⟧ and attributing verb ⟦cN:…⟧; markers may nest (an attribution inside a quote)>
 *   --- names
 *   qN <full name>[ / <surname>]     the person quote N's speaker mention refers to
 *   qN -                             a group, an organization or an unnamed person: no name line
 *   --- highlights
 *   - <reference highlight>
 *
 * Lines starting with `%` are comments. The script refuses to write anything while a check fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

type Range = [number, number];
type Kind = 'pronoun' | 'description' | 'surname' | 'fullname';

interface MarkedQuote {
  label: string;
  content: Range;
  source: Range | null;
  cue: Range | null;
}

interface NameLine {
  label: string;
  name: string | null;
  surname: string;
}

interface Article {
  id: string;
  text: string;
  quotes: MarkedQuote[];
  names: NameLine[];
  highlights: string[];
}

const OPENING_MARKS = ['“', '"', "''", '‘', "'"];
const CLOSING_MARKS = ['”', '"', "''", '’', "'"];
const PRONOUNS = new Set(['he', 'she', 'who', 'i', 'him', 'her', 'his']);

/** Strips the ⟦xN:…⟧ markers from one article body and returns the text with each marker's range. */
function stripMarkers(body: string, id: string): { text: string; spans: Map<string, Range> } {
  const spans = new Map<string, Range>();
  const open: { label: string; start: number }[] = [];
  let text = '';
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (char === '⟦') {
      const colon = body.indexOf(':', index);
      const label = body.slice(index + 1, colon);
      if (!/^[qsc]\d+$/.test(label)) throw new Error(`${id}: bad marker label "${label}"`);
      if (spans.has(label) || open.some((marker) => marker.label === label)) throw new Error(`${id}: marker ${label} used twice`);
      open.push({ label, start: text.length });
      index = colon;
    } else if (char === '⟧') {
      const marker = open.pop();
      if (!marker) throw new Error(`${id}: ⟧ without ⟦ near "${body.slice(Math.max(0, index - 40), index)}"`);
      spans.set(marker.label, [marker.start, text.length]);
    } else {
      text += char;
    }
  }
  if (open.length > 0) throw new Error(`${id}: unclosed marker ${open.map((marker) => marker.label).join(', ')}`);
  return { text, spans };
}

function parseSource(source: string): Article[] {
  const articles: Article[] = [];
  const blocks = source.split(/^=== /m).slice(1);
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => !line.startsWith('%'));
    const id = lines[0]!.trim();
    const namesAt = lines.indexOf('--- names');
    const highlightsAt = lines.indexOf('--- highlights');
    if (namesAt < 0 || highlightsAt < namesAt) throw new Error(`${id}: needs "--- names" then "--- highlights"`);
    const paragraphs = lines.slice(1, namesAt).join('\n').trim().split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim());
    const { text, spans } = stripMarkers(paragraphs.join('\n\n'), id);
    const quotes: MarkedQuote[] = [];
    for (const [label, content] of spans) {
      if (!label.startsWith('q')) continue;
      const number = label.slice(1);
      quotes.push({ label, content, source: spans.get(`s${number}`) ?? null, cue: spans.get(`c${number}`) ?? null });
    }
    for (const label of spans.keys()) {
      if (!spans.has(`q${label.slice(1)}`)) throw new Error(`${id}: ${label} has no quote q${label.slice(1)}`);
    }
    quotes.sort((a, b) => a.content[0] - b.content[0]);
    const names = lines.slice(namesAt + 1, highlightsAt).filter((line) => line.trim()).map((line): NameLine => {
      const match = /^(q\d+)\s+(.+)$/.exec(line.trim());
      if (!match) throw new Error(`${id}: bad names line "${line}"`);
      const [, label, value] = match as unknown as [string, string, string];
      if (value === '-') return { label, name: null, surname: '' };
      const [name, surname] = value.split(' / ').map((part) => part.trim()) as [string, string | undefined];
      return { label, name, surname: surname ?? name.split(' ').at(-1)! };
    });
    const highlights = lines.slice(highlightsAt + 1).filter((line) => line.startsWith('- ')).map((line) => line.slice(2).trim());
    articles.push({ id, text, quotes, names, highlights });
  }
  return articles;
}

const slice = (text: string, range: Range) => text.slice(range[0], range[1]);
const inside = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1];
const disjoint = (a: Range, b: Range) => a[1] <= b[0] || b[1] <= a[0];

function kindOf(sourceText: string, name: string, surname: string): Kind {
  if (PRONOUNS.has(sourceText.toLowerCase())) return 'pronoun';
  if (sourceText.includes(name)) return 'fullname';
  if (sourceText.includes(surname)) return 'surname';
  return 'description';
}

/** Every problem found in one article; an empty list means its spans follow the README's conventions. */
function problems(article: Article): string[] {
  const found: string[] = [];
  const { id, text, quotes } = article;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 280 || words > 720) found.push(`${id}: ${words} words`);
  if (article.highlights.length < 2 || article.highlights.length > 4) found.push(`${id}: ${article.highlights.length} highlights`);
  for (const quote of quotes) {
    const where = `${id} ${quote.label}`;
    const content = slice(text, quote.content);
    if (!OPENING_MARKS.some((mark) => content.startsWith(mark))) found.push(`${where}: content does not open with a quote mark: ${content.slice(0, 30)}`);
    if (!CLOSING_MARKS.some((mark) => content.endsWith(mark))) found.push(`${where}: content does not end with a quote mark: …${content.slice(-30)}`);
    for (const role of ['source', 'cue'] as const) {
      const range = quote[role];
      if (!range) continue;
      const spanText = slice(text, range);
      if (spanText !== spanText.trim() || spanText.length === 0) found.push(`${where}: ${role} "${spanText}" has outer spaces`);
      if (inside(range, quote.content)) {
        // Only an interrupted quote holds its attribution: a closing mark comes before it and an opening mark after it.
        const before = text.slice(quote.content[0] + 1, range[0]);
        const after = text.slice(range[1], quote.content[1] - 1);
        if (!CLOSING_MARKS.some((mark) => before.includes(mark)) || !OPENING_MARKS.some((mark) => after.includes(mark))) {
          found.push(`${where}: ${role} inside a quote that is not interrupted`);
        }
      } else if (!disjoint(range, quote.content)) {
        found.push(`${where}: ${role} straddles the content's edge`);
      }
    }
    if (!quote.source && quote.cue) found.push(`${where}: cue without source (allowed by the README, but check it)`);
  }
  for (let index = 1; index < quotes.length; index += 1) {
    if (!disjoint(quotes[index - 1]!.content, quotes[index]!.content)) found.push(`${id}: ${quotes[index - 1]!.label} and ${quotes[index]!.label} overlap`);
  }
  const labels = new Set(quotes.map((quote) => quote.label));
  for (const line of article.names) {
    if (!labels.has(line.label)) found.push(`${id}: name line for unknown ${line.label}`);
    if (line.name && !line.name.includes(line.surname)) found.push(`${id} ${line.label}: name "${line.name}" lacks surname "${line.surname}"`);
    if (line.name && !text.includes(line.name)) found.push(`${id} ${line.label}: the article never gives the name "${line.name}" in full`);
  }
  for (const quote of quotes) {
    if (quote.source && !article.names.some((line) => line.label === quote.label)) found.push(`${id} ${quote.label}: source "${slice(text, quote.source)}" has no names line`);
  }
  return found;
}

/** Quote marks outside every annotated quote, shown for a human to confirm they are scare quotes or titles. */
function unannotatedMarks(article: Article): string[] {
  const shown: string[] = [];
  const pattern = /[“"‘]|''/g;
  for (let match = pattern.exec(article.text); match; match = pattern.exec(article.text)) {
    const at = match.index;
    if (article.quotes.some((quote) => at >= quote.content[0] && at < quote.content[1])) continue;
    shown.push(`${article.id} @${at}: …${article.text.slice(Math.max(0, at - 25), at + 45).replace(/\n/g, ' ')}…`);
  }
  return shown;
}

function nameLines(article: Article) {
  return article.names.flatMap((line) => {
    const quote = article.quotes.find((candidate) => candidate.label === line.label);
    if (!line.name || !quote?.source) return [];
    const sourceText = slice(article.text, quote.source);
    return [{ id: article.id, content: quote.content, source: quote.source, sourceText, name: line.name, surname: line.surname, kind: kindOf(sourceText, line.name, line.surname) }];
  });
}

/**
 * Reads the written JSONL files back, independently of the parser, and checks them against each other:
 * the round trip catches a writer that drifts from the README's formats.
 */
async function verifyWritten(folder: string): Promise<string[]> {
  const read = async (name: string) => (await readFile(path.join(folder, name), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  const quoteRows = await read('quotes.jsonl');
  const textById = new Map(quoteRows.map((row) => [row.id as string, row.text as string]));
  const found: string[] = [];
  for (const row of quoteRows) {
    const text = row.text as string;
    let previousStart = -1;
    for (const quote of row.quotes as { content: Range; source: Range | null; cue: Range | null }[]) {
      if (quote.content[0] < previousStart) found.push(`${row.id as string}: quotes not sorted by content start`);
      previousStart = quote.content[0];
      if (!OPENING_MARKS.some((mark) => slice(text, quote.content).startsWith(mark))) found.push(`${row.id as string}@${quote.content[0]}: written content does not open with a quote mark`);
    }
  }
  for (const row of await read('speaker-names.jsonl')) {
    const text = textById.get(row.id as string);
    const quote = (quoteRows.find((candidate) => candidate.id === row.id)?.quotes as { content: Range; source: Range | null }[] | undefined)
      ?.find((candidate) => candidate.content[0] === (row.content as Range)[0] && candidate.content[1] === (row.content as Range)[1]);
    if (!text || !quote) found.push(`names line ${row.id as string} ${JSON.stringify(row.content)}: no such gold quote`);
    else if (!quote.source || quote.source[0] !== (row.source as Range)[0] || quote.source[1] !== (row.source as Range)[1] || slice(text, quote.source) !== row.sourceText) found.push(`names line ${row.id as string}: source differs from the gold quote's`);
    if (!(row.name as string).includes(row.surname as string)) found.push(`names line ${row.id as string}: name lacks surname`);
  }
  for (const row of await read('keypoints.jsonl')) {
    if (textById.get(row.id as string) !== row.text) found.push(`keypoints ${row.id as string}: text differs from quotes.jsonl`);
  }
  return found;
}

async function main(): Promise<void> {
  const folder = process.argv[2] ?? 'bench/data/own-news';
  const articles = parseSource(await readFile(path.join(folder, 'articles.md'), 'utf8'));
  const found = articles.flatMap(problems);
  const ids = articles.map((article) => article.id);
  if (new Set(ids).size !== ids.length) found.push('duplicate article ids');
  if (found.length > 0) {
    console.error(found.join('\n'));
    process.exit(1);
  }
  const names = articles.flatMap(nameLines);
  const jsonl = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
  await writeFile(path.join(folder, 'quotes.jsonl'), jsonl(articles.map(({ id, text, quotes }) => ({ id, text, quotes: quotes.map(({ content, source, cue }) => ({ content, source, cue })) }))));
  await writeFile(path.join(folder, 'speaker-names.jsonl'), jsonl(names));
  await writeFile(path.join(folder, 'keypoints.jsonl'), jsonl(articles.map(({ id, text, highlights }) => ({ id, text, highlights }))));

  const unreadable = await verifyWritten(folder);
  if (unreadable.length > 0) {
    console.error(unreadable.join('\n'));
    process.exit(1);
  }
  const kinds: Record<string, number> = {};
  for (const line of names) kinds[line.kind] = (kinds[line.kind] ?? 0) + 1;
  const quotes = articles.flatMap((article) => article.quotes);
  const words = articles.map((article) => article.text.split(/\s+/).filter(Boolean).length);
  console.log(JSON.stringify({
    articles: articles.length,
    words: { min: Math.min(...words), max: Math.max(...words), total: words.reduce((a, b) => a + b, 0) },
    quotes: quotes.length,
    withoutSource: quotes.filter((quote) => !quote.source).length,
    interrupted: articles.flatMap((article) => article.quotes.filter((quote) => quote.source && inside(quote.source, quote.content))).length,
    highlights: articles.reduce((sum, article) => sum + article.highlights.length, 0),
    nameLines: names.length,
    kinds,
  }, null, 2));
  if (process.argv.includes('--show')) {
    for (const line of names) console.log(`${line.id} ${line.kind.padEnd(11)} ${line.sourceText.padEnd(28)} -> ${line.name}`);
    for (const line of articles.flatMap(unannotatedMarks)) console.log(`unannotated mark: ${line}`);
  }
}

await main();
