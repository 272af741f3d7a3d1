/**
 * Speakers and roles as `summarize --all-quotes` prints them, against a file of expected ones:
 * the outside attacks on the name rules (bench/data/attack-names-*) are scored this way. Each
 * expected line names a quotation by its first words, the speaker's full name and the role:
 * `null` for none, `*` for not checked, alternatives split by `|` or given as a list.
 *
 *   node dist/bench/eval-speakers.js FOLDER [--failures]
 *
 * FOLDER holds `articles.jsonl` ({id, text}) and `expected.jsonl` ({id, quote, speaker, role});
 * scoring/speaker-score.ts says when a speaker or a role is right.
 */
import path from 'node:path';
import { findQuotes } from '../src/summarize/quotes/quotes.js';
import type { QuoteSpan } from '../src/types.js';
import { readJsonl } from './eval-quotes.js';
import { isRoleRight, isSpeakerRight, NOT_CHECKED, type ExpectedRole } from './scoring/speaker-score.js';
import { parseBenchArguments } from './arguments.js';

const USAGE =
  'usage: node dist/bench/eval-speakers.js FOLDER [--failures]';

interface Article {
  id: string;
  text: string;
}

interface Expected {
  id: string;
  quote: string;
  speaker: string | null;
  role: ExpectedRole;
}

const normalizedQuote = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The first quotation not matched yet that opens on the expected words (or, merged with another, holds them). */
function matchingQuote(quotes: QuoteSpan[], used: Set<number>, words: string): number {
  const wanted = normalizedQuote(words);
  const opening = quotes.findIndex((quote, index) => !used.has(index) && normalizedQuote(quote.text).startsWith(wanted));
  return opening >= 0 ? opening : quotes.findIndex((quote, index) => !used.has(index) && normalizedQuote(quote.text).includes(wanted));
}

async function main(): Promise<void> {
  const { values, positionals } = parseBenchArguments({ allowPositionals: true, options: { failures: { type: 'boolean', default: false } } }, USAGE);
  const [folder] = positionals;
  if (!folder) {
    console.error(USAGE);
    process.exit(2);
  }
  const articles = await readJsonl<Article>(path.join(folder, 'articles.jsonl'));
  const expected = await readJsonl<Expected>(path.join(folder, 'expected.jsonl'));
  const quotes = new Map(articles.map((article) => [article.id, findQuotes(article.text)]));
  const used = new Map<string, Set<number>>();
  let speakersRight = 0;
  let rolesRight = 0;
  let rolesChecked = 0;
  let missing = 0;
  const failures: string[] = [];
  for (const line of expected) {
    const found = quotes.get(line.id) ?? [];
    const taken = used.get(line.id) ?? new Set<number>();
    used.set(line.id, taken);
    const index = matchingQuote(found, taken, line.quote);
    const quote = found[index];
    if (quote === undefined) {
      missing += 1;
      rolesChecked += line.role === NOT_CHECKED ? 0 : 1;
      failures.push(`missing  ${line.id} "${line.quote}"`);
      continue;
    }
    taken.add(index);
    const speaker = isSpeakerRight(line.speaker, quote.speaker);
    const role = isRoleRight(line.role, quote.role);
    speakersRight += speaker ? 1 : 0;
    rolesRight += role === true ? 1 : 0;
    rolesChecked += role === undefined ? 0 : 1;
    if (!speaker || role === false) {
      failures.push(`${speaker ? 'role    ' : 'speaker '} ${line.id} "${line.quote}" expected ${line.speaker} [${String(line.role)}], got ${quote.speaker} [${quote.role}]`);
    }
  }
  console.log(`${path.basename(folder)}: ${articles.length} articles, ${expected.length} quotes (${missing} not found)`);
  console.log(`  speakers right ${speakersRight} of ${expected.length} (${(speakersRight / expected.length).toFixed(4)})`);
  console.log(`  roles right    ${rolesRight} of ${rolesChecked} checked (${(rolesRight / Math.max(1, rolesChecked)).toFixed(4)})`);
  if (values.failures) for (const failure of failures) console.log(`  ${failure}`);
}

await main();
