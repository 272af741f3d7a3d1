/**
 * Proposes speaker-name lines for hand checking (bench/data/README.md): from a quotes JSONL file
 * (gold quotes with their source mentions), articles drawn in a seeded random order, skipping
 * the articles of the dev names file, until about `--target` lines are proposed. Each gold source
 * mention gets a kind and a candidate name from a procedure that shares nothing with the
 * summarizer's resolver:
 *   - fullname (`Sen. Rand Paul (R-Ky.)`): the name words themselves, titles dropped;
 *   - surname (`Trump`, `Mr. Clyburn`): the fullest capitalized name ending in that word anywhere
 *     before the quote, else anywhere in the article;
 *   - pronoun (`he`, `she`, `who`) and description (`the senator`): no guess is trusted; the
 *     line lists the people named in the 1,500 characters before it, latest first, and the
 *     proposal is the latest of them, to be confirmed or corrected by reading the article.
 * The output has no article text beyond the mention itself.
 *
 * With `--the-descriptions` it proposes only descriptions of at most five words opening on `the`
 * (`the senator`, `the Florida senator`), the rarest kind, every one in the articles drawn.
 * With `--kinds pronoun,description` it writes only the lines of those kinds, drawn as without it.
 *
 *   node dist/scripts/propose-speaker-names.js QUOTES_JSONL DEV_NAMES_JSONL OUT_JSONL [--seed 13] [--target 480]
 *     [--exclude EARLIER_PROPOSALS_JSONL] [--the-descriptions] [--kinds KIND,KIND]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { seededRandom } from '../bench/seeded-random.js';
import { parseBenchArguments } from '../bench/arguments.js';

const USAGE =
  'usage: node dist/scripts/propose-speaker-names.js QUOTES_JSONL DEV_NAMES_JSONL OUT_JSONL [--seed N] [--target N] [--exclude FILE] [--the-descriptions] [--kinds KIND,KIND]';

interface GoldQuote { content: [number, number]; source: [number, number] | null }
interface Article { id: string; text: string; quotes: GoldQuote[] }

export type ProposedKind = 'pronoun' | 'description' | 'surname' | 'fullname';

export interface Proposal {
  id: string;
  content: [number, number];
  source: [number, number];
  sourceText: string;
  kind: ProposedKind;
  name: string;
  surname: string;
  /** People named shortly before the mention, latest first (pronoun and description lines). */
  candidates: string[];
}

// Sampling rates per kind: every pronoun and description line, fewer of the easy kinds.
const KEEP_RATE: Record<ProposedKind, number> = { pronoun: 1, description: 1, surname: 0.45, fullname: 0.15 };
const PRONOUNS = new Set(['he', 'she', 'who']);
const OTHER_PRONOUNS = new Set(['they', 'we', 'i', 'it', 'you', 'one']);
const TITLES = /^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Prof|Amb|Atty)\.?|President|Senator|Governor|Mayor|Secretary|Speaker|Judge|Justice|Vice|Former|Representative|Congressman|Congresswoman|Chairman|Chairwoman|Director|General|Attorney|Pope|Candidate|Nominee|Leader|Sens|Senators|Reps|Actress|Actor|Democrat|Republican)\s+/;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|(?:de|van|von|del|der|la|al|bin)(?=[ \t]+\p{Lu}))`;
// One line only: a heading or dateline above is not part of the name.
const NAME_RUN = new RegExp(String.raw`\p{Lu}[\p{L}'’.-]*(?:[ \t]+${NAME_WORD})*`, 'gu');
const ALL_CAPS = /^\p{Lu}\.?(?:\p{Lu}\.?)+$/u;
// Capitalized words that open sentences or name no person.
const NOT_NAMES = new Set(`The A An But And Or So If When While After Before As In On At Of For With By From To He She It They We I You His Her Their This That These Those There Here Then Now Still Also Even Just Only However Meanwhile Indeed What Who Why How Where Which Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Democrats Republicans Democratic Republican American Americans GOP US U.S. Senate House Congress White`.split(' '));
const SEARCH_BACK = 1500;
const MAX_CANDIDATES = 6;

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** The name words of a mention: titles, a party label and an appositive dropped. */
function nameWords(mention: string): string[] {
  let name = mention.split(/[,(]/)[0]?.trim() ?? '';
  while (TITLES.test(name)) name = name.replace(TITLES, '');
  return name.replace(/['’]s$/, '').split(/\s+/).filter(Boolean);
}

function kindOf(mention: string): ProposedKind | null {
  const first = mention.split(/\s+/)[0] ?? '';
  if (PRONOUNS.has(first.toLowerCase())) return 'pronoun';
  if (OTHER_PRONOUNS.has(first.toLowerCase())) return null;
  if (!/^\p{Lu}/u.test(first) || NOT_NAMES.has(first)) return 'description';
  const words = nameWords(mention);
  if (words.length === 0 || !words.every((word) => /^\p{Lu}/u.test(word) || /^(?:de|van|von|del|der|la|al|bin)$/.test(word))) return 'description';
  return words.length === 1 ? 'surname' : 'fullname';
}

interface NameRun { at: number; words: string[] }

/** Capitalized runs of two or more words, or one word, that can name a person. */
function nameRuns(text: string): NameRun[] {
  const runs: NameRun[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    // Keep the period of an initial (`J.`), drop a sentence's or a possessive's ending.
    let words = match[0].split(/\s+/).map((word) => word.replace(/['’]s$|,$/, '').replace(/(\p{L}{2,})\.$/u, '$1'));
    while (words.length > 1 && /^(?:Jr|Sr|II|III)\.?$/.test(words[words.length - 1] as string)) words = words.slice(0, -1);
    // Name words come after the last title or acronym in the run (`Vermont Sen. Bernie Sanders`, `FBI Director James Comey`).
    const lastTitle = words.findLastIndex((word, index) => index < words.length - 1 && (TITLES.test(`${word} `) || ALL_CAPS.test(word)));
    words = words.slice(lastTitle + 1);
    while (words.length > 0 && NOT_NAMES.has(words[0] as string)) words = words.slice(1);
    if (words.length > 0 && words.length <= 4) runs.push({ at: match.index ?? 0, words });
  }
  return runs;
}

function fullestWithSurname(runs: NameRun[], surname: string, before: number): string | null {
  const fits = (run: NameRun) => run.words[run.words.length - 1] === surname;
  const pick = (pool: NameRun[]) => pool.filter(fits).sort((a, b) => b.words.length - a.words.length)[0];
  const best = pick(runs.filter((run) => run.at < before)) ?? pick(runs);
  return best ? best.words.join(' ') : null;
}

/** People named in the window before `offset`, latest first, each at its fullest form. */
function candidatesBefore(runs: NameRun[], offset: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const run of runs.filter((r) => r.at < offset && r.at >= offset - SEARCH_BACK).reverse()) {
    const surname = run.words[run.words.length - 1] as string;
    if (seen.has(surname)) continue;
    seen.add(surname);
    names.push(fullestWithSurname(runs, surname, offset) ?? run.words.join(' '));
    if (names.length >= MAX_CANDIDATES) break;
  }
  return names;
}

// The second draw (`--the-descriptions`): descriptions of at most this many words opening on `the`.
const MAX_DESCRIPTION_WORDS = 5;

function isShortTheDescription(mention: string): boolean {
  const words = mention.trim().split(/\s+/);
  return words.length <= MAX_DESCRIPTION_WORDS && words[0]?.toLowerCase() === 'the';
}

function propose(article: Article, quote: GoldQuote, random: () => number, theDescriptions: boolean): Proposal | null {
  if (!quote.source) return null;
  const sourceText = article.text.slice(...quote.source);
  const kind = kindOf(sourceText);
  if (theDescriptions && (kind !== 'description' || !isShortTheDescription(sourceText))) return null;
  if (!kind || (!theDescriptions && random() >= KEEP_RATE[kind])) return null;
  const runs = nameRuns(article.text);
  const candidates = kind === 'pronoun' || kind === 'description' ? candidatesBefore(runs, quote.source[0]) : [];
  let name: string;
  if (kind === 'fullname') name = nameWords(sourceText).join(' ');
  else if (kind === 'surname') {
    const surname = nameWords(sourceText)[0] as string;
    name = fullestWithSurname(runs, surname, quote.source[0]) ?? surname;
  } else name = candidates[0] ?? '';
  const surname = name.split(/\s+/).filter((word) => !/^(?:Jr|Sr|II|III)\.?$/.test(word)).pop() ?? '';
  return { id: article.id, content: quote.content, source: quote.source, sourceText, kind, name, surname, candidates };
}

async function main(): Promise<void> {
  const { values, positionals } = parseBenchArguments({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '13' },
      target: { type: 'string', default: '480' },
      // Also skip the articles of an earlier draw's proposals.
      exclude: { type: 'string', multiple: true, default: [] },
      'the-descriptions': { type: 'boolean', default: false },
      // Write only these kinds (comma-separated); the draw is the same, so the lines are a subset of those written without it.
      kinds: { type: 'string' },
    },
  }, USAGE);
  const [quotesFile, devNamesFile, outFile] = positionals;
  if (!quotesFile || !devNamesFile || !outFile) {
    console.error(USAGE);
    process.exit(2);
  }
  const lines = (content: string) => content.split('\n').filter((line) => line.trim());
  const idsOf = async (file: string) => lines(await readFile(file, 'utf8')).map((line) => (JSON.parse(line) as { id: string }).id);
  const devIds = new Set([...await idsOf(devNamesFile), ...(await Promise.all(values.exclude!.map(idsOf))).flat()]);
  const articles = lines(await readFile(quotesFile, 'utf8')).map((line) => JSON.parse(line) as Article).filter((article) => !devIds.has(article.id));
  const random = seededRandom(Number(values.seed));
  const proposals: Proposal[] = [];
  for (const article of shuffled(articles, random)) {
    if (proposals.length >= Number(values.target)) break;
    for (const quote of article.quotes) {
      const proposal = propose(article, quote, random, values['the-descriptions']!);
      if (proposal) proposals.push(proposal);
    }
  }
  const kinds = values.kinds === undefined ? null : new Set(values.kinds.split(','));
  const written = kinds ? proposals.filter(({ kind }) => kinds.has(kind)) : proposals;
  await writeFile(outFile, written.map((proposal) => JSON.stringify(proposal)).join('\n') + '\n');
  const byKind = written.reduce<Record<string, number>>((counts, { kind }) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {});
  console.log(`${written.length} proposals from ${new Set(written.map(({ id }) => id)).size} articles`, byKind);
}

await main();
