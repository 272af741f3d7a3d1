/**
 * Extractive key points: sentences of the article, scored by a small linear model (weights in
 * keypoint-weights.json, trained by scripts/train-keypoints.ts on features from
 * keypoint-features.ts) and returned in reading order. A sentence that opens with a pronoun or
 * demonstrative pointing back (`He said …`, `That split …`) is shown joined to the sentence
 * before it, or not at all, so that every key point reads on its own.
 */
import { countWords } from '../../load/words.js';
import type { QuoteSpan } from '../../types.js';
import { opensWithDanglingReference } from './dangling-reference.js';
import { candidateFeatures, Vocabulary, weightedSum, weightList, type FeatureInput, type FeatureWeights } from './keypoint-features.js';
import model from './keypoint-weights.json' with { type: 'json' };
import { letterOrDigitLength } from '../text/characters.js';
import { isTitleCase } from '../text/headings.js';
import { isKnownFirstName } from '../text/first-names.js';
import { splitSentences, type Sentence } from '../text/sentences.js';

export { candidateFeatures, FEATURE_NAMES, linearScore, type FeatureName, type FeatureWeights } from './keypoint-features.js';

export interface KeyPointOptions {
  /** How many key points, one fewer allowed for long sentences; when undefined, 3 to 5 depending on the article's length. */
  count?: number;
  /** The article's title, never returned as a key point. */
  title?: string;
  /** The notable quotes shown beside the key points: a key point must not repeat one. */
  quotes?: QuoteSpan[];
}

/** A sentence that may become a key point, or continue the one before it in a key point. */
export interface Candidate extends FeatureInput {
  sentence: Sentence;
  /** The numbering of `contentWords`, shared by the article's candidates. */
  vocabulary: Vocabulary;
}

/** When a point beyond the fewest is left out: ROUGE and readers both favour a few strong, short points. */
export interface KeyPointLimits {
  /** Mean words per key point the chosen set may reach. */
  wordsPerPoint: number;
  /** How far below the best sentence's score a further point may score. */
  scoreMargin: number;
}

export interface KeyPointModel extends KeyPointLimits {
  weights: FeatureWeights;
}

const TRAINED_MODEL: KeyPointModel = { weights: model.weights, wordsPerPoint: model.wordsPerPoint, scoreMargin: model.scoreMargin };
/** The trained weights in FEATURE_NAMES order: scores as linearScore gives them, without a look-up by name per feature. */
const TRAINED_WEIGHTS = weightList(TRAINED_MODEL.weights);

/** Fewer words is a fragment (`WASHINGTON (CNN) --`, `Read more:`), more is no summary. */
const MIN_WORDS = 6;
const MAX_WORDS = 60;
/** The fewest key points a long-winded article is cut down to, in general and in the digest. */
const FEWEST_POINTS = 2;
const DIGEST_FEWEST_POINTS = 3;
/** Word-set overlap (Jaccard) above which two sentences say the same thing. */
const DUPLICATE_OVERLAP = 0.4;
/** Share of a sentence's characters inside a notable quote above which it repeats the quote. */
const QUOTE_OVERLAP = 0.5;

const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from',
  'as', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'it', 'its',
  'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these',
  'those', 'not', 'no', 'said', 'says', 'say', 'will', 'would', 'could', 'can', 'who', 'which',
  'what', 'when', 'after', 'about', 'also', 'than', 'more', 'into', 'over', 'up', 'out', 'one',
  'there', 'if', 'so', 'do', 'did', 'him', 'them', 'told',
]);

// `LONDON, England (CNN) -- `, `Tokyo (Reuters) —`, `LONDON, Aug 7 (Gazette Wire) - `, `(Rolling
// Stone)Kanye`: the outlet's credit that opens a wire story, after its place and date. The credit
// must end in a dash or run into the first word, so that `The Drug Enforcement Agency (DEA) has`
// keeps its subject.
const WIRE_CREDIT = /^(?:\p{Lu}[\p{L}.'’-]*(?:,? (?:\p{Lu}[\p{L}.'’-]*|\d{1,2}(?:st|nd|rd|th)?)){0,4}\s*)?\(\p{Lu}[^()\s]*(?: \p{Lu}[^()\s]*){0,2}\)(?:\s*[-—–]{1,2}\s*|(?=\p{Lu}))/u;
// `CHARLESTON, S.C. — `, `BRIGHTWATER, 14 March 2024 — `: a dateline in capitals, then a dash.
const DATELINE_PREFIX = /^\p{Lu}{2,}(?:[ .'’-]+\p{Lu}{2,})*\.?(?:, [\p{L}\p{N}., ]{2,30}?)?\s*(?:—|–|--)\s*/u;
// `PUNE: `, `NEW DELHI: `: a dateline in capitals, then a colon, opening the story's first sentence
// (further on, capitals before a colon may be a speaker's turn in a transcript: `TAPPER: Do you …`).
const LEAD_DATELINE_PREFIX = /^\p{Lu}{2,}(?:[ .'’-]+\p{Lu}{2,})*:\s+(?=[\p{Lu}\p{N}"“‘'])/u;
// `Brentville, Ohio — `, `Pell Harbor, Fla. | `: the place a story opens on, as some outlets write
// it, in mixed case, then a dash or a bar; only where the story starts, as a place in a later
// sentence may open an aside (`Perth — a city of two million — …` goes on in lowercase).
const LEAD_PLACE_PREFIX = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?\s*(?:—|–|--|\|)\s*(?=\p{Lu})/u;
/** The opening sentence without the place it opens on (LEAD_PLACE_PREFIX), unless that is a person (`Ann Ruiz — Brentville's first …`). */
function withoutLeadPlace(sentence: string): string {
  const place = LEAD_PLACE_PREFIX.exec(sentence)?.[0];
  if (place === undefined || isKnownFirstName(place.slice(0, place.search(/[\s,-]/)).toLowerCase())) return sentence;
  return sentence.slice(place.length);
}

// `07:45 — `, `10.30am: `, `8pm `, `3:15 P.M. — `, `UPDATE 4:00 p.m. — `: the time of an update in a
// live report, before a sentence.
const TIME_PREFIX = /^(?:(?:UPDATED?|Updated?)\s+)?(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[apAP]\.?[mM]\.?)?|(?:1[0-2]|0?\d)\s?[apAP]\.?[mM]\.?)(?:\s?[A-Z]{2,4})?\s*(?:[—–:]|-{1,2})?\s+(?=[\p{Lu}"“‘'])/u;
const PHOTO_CREDIT = /\b(?:photo|image|picture|video|illustration)s?\b.*\b(?:courtesy|credit|getty|ap photo|reuters)\b|^(?:photo|image|credit)s?:/i;
// `By Jane Smith and John Doe, CNN`: a name follows, where `By January her lead …` has a sentence.
const BYLINE = /^(?:By|BY|Written by)\s+\p{Lu}[\p{L}.'’-]*\s+\p{Lu}/u;
const MAX_BYLINE_WORDS = 15;
const CONTRIBUTOR_LINE = /\bcontributed (?:to )?(?:this )?(?:report|story|from)\b/i;
const LINK_TEASER = /^(?:read|watch|related|see|more|opinion|also|photos?|video|click)\b[^:]{0,25}:/i;
// `Editor's note: …`, `Correction: …`, `An earlier version of this story misstated …`: the
// publisher speaking about the article, not the story.
const EDITORIAL_NOTE = /^(?:(?:editor['’]s note|correction|clarification|update|disclosure)\s*:|an earlier version of this (?:story|article|report))/i;
// `Sign up for our newsletter …`, `Subscribe today for just $1 a week.`, `Share this article …`,
// `Click here to read …`, `Our journalism depends on readers like you`: the page asking the
// reader for something, not the story.
const PROMOTION = /^(?:sign up\b|subscribe(?![-\w])|share this\b|follow us\b|support (?:our|independent) journalism\b|our journalism (?:depends|relies)\b|become a (?:member|subscriber)\b|download (?:our|the) app\b)/i;
// `The chair, Everett Boyce, declined to comment, citing the lawsuit.`, `A spokesman did not respond to
// a request for comment.`: what someone would not say, which is no news of the story.
const NO_COMMENT = /\b(?:declined|refused) (?:to|to immediately) comment\b|\bdid not (?:immediately )?(?:respond|reply|return) (?:to )?(?:a |an |several |repeated )?(?:requests?|emails?|messages?|calls?|phone calls?)\b|\bcould not (?:immediately )?be reached\b/i;
// `Source: City of Merrow permit data.`, `Note: Rents are median asking rents.`, `The chart below
// shows …`: the notes and pointers of a graphic the page showed, which a reader of the digest does not see.
const GRAPHIC_NOTE = /^(?:sources?|notes?|methodology|interactive|chart|graphic|map|table)\s*:|\b(?:chart|graph|map|table|graphic|video) (?:below|above)\b/i;
// `Good Tuesday morning, and welcome to Morning Ledger.`, `Happy Friday!`: a newsletter greeting its readers.
const GREETING = /^(?:good (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day )?(?:morning|afternoon|evening)|happy (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
// `Q: When will …?`, `A. Not before …`: a turn of an interview, a question that says what was
// asked, not what happened, or an answer that leans on it.
const INTERVIEW_TURN = /^(?:Q|A|Question|Answer)\s*[:.]\s/;
// `Marguerite de la Fontaine: Not before …`, `Moss: I'm so glad …`: a turn of a transcript, labelled
// with the speaker's name: capitalized words (in capitals they are more often a dateline or a
// section's label opening a sentence of the story: `PUNE: …`, `WHY IT MATTERS: …`).
const SPEAKER_LABEL = /^(\p{Lu}\p{Ll}[\p{L}.'’-]*(?: (?:\p{Lu}\p{Ll}[\p{L}.'’-]*|\p{Lu}\.|de|la|le|du|van|von|der|da|di|del|ap|ab|bin|al)){0,4})\s*:\s/u;

/**
 * The speaker labels that open turns of a transcript in these sentences: a name of two words or
 * more (`Cyndi Rosenthal:`), or one word that labels more than one sentence (`Moss:`), as a speaker
 * takes several turns and `Update:` or `Cost: £4.2 million` labels one. Not a label opening on
 * `The` (`The Bottom Line: …`).
 */
function transcriptLabels(sentences: readonly Sentence[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const labels = new Set<string>();
  for (const { text } of sentences) {
    // Most sentences have no colon: the expression is not run on them.
    const label = text.includes(':') ? SPEAKER_LABEL.exec(text)?.[1] : undefined;
    if (label === undefined || label.startsWith('The ')) continue;
    if (label.includes(' ') || seen.has(label)) labels.add(label);
    seen.add(label);
  }
  return labels;
}

/** Whether the sentence opens a turn of an interview or a transcript. */
function opensTurn(text: string, labels: ReadonlySet<string>): boolean {
  if (INTERVIEW_TURN.test(text)) return true;
  if (labels.size === 0) return false;
  const label = SPEAKER_LABEL.exec(text)?.[1];
  return label !== undefined && labels.has(label);
}
// `Tickets: Day tickets are £18 …`, `Cost: The new pier will cost …`: a label before the sentence.
const LABEL_PREFIX = /^\p{Lu}\p{Ll}+:\s+(?=[\p{Lu}\p{N}])/u;
// `Here is where they stand on the main issues.`, `Below are the readers' questions.`: a pointer to
// what follows (a list, a table), which says nothing itself; not `Here's the difference: …`.
const SIGNPOST = /^(?:Here(?:['’]s| is| are)|Below (?:is|are))\b[^:]*$/;
// `Updated May 1, 2024, 3:45 p.m.`, `Posted 10:42 BST`: when the article was put out, not its story.
const TIMESTAMP_LINE = /^(?:(?:last )?updated|posted|published|first published)\b[^.!?]*\d/i;
// `“Closing a school is the hardest decision a board can make.”`: a pull quote or a block quote.
const WHOLLY_QUOTED = /^["“‘'][^"“”]*["”’']$/;
// `Email your story ideas to tips@example.com.`, `More at www.example.org.`: a call to the reader.
// (Only tested for a match: one character either side of `@…` says as much as a run of them, and is faster.)
const CONTACT_OR_LINK = /[\w.+-]@[\w-]+\.[\w.]|https?:\/\/|\bwww\./i;

// Runs of letters and digits (`[\p{L}\p{N}]` by code point, as a `u` expression reads them).
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * The runs of letters and digits of `text` lowercased, in order: what
 * `text.toLowerCase().split(/[^\p{L}\p{N}]+/u)` gives without its empty strings.
 */
function lowercaseWords(text: string): string[] {
  return text.toLowerCase().match(WORD_RUN) ?? [];
}

/** The distinct lowercase words of `text`, stopwords left out. */
function contentWords(text: string): Set<string> {
  return new Set(lowercaseWords(text).filter((word) => !STOPWORDS.has(word)));
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The words of the outlet a wire credit names (`(CNN)`, `LONDON (Reuters) --`): the story
 * mentions its outlet (`told CNN`) without that saying what the story is about.
 */
function creditedOutlet(openingSentence: string): ReadonlySet<string> {
  const credit = WIRE_CREDIT.exec(openingSentence)?.[0];
  const outlet = credit === undefined ? undefined : /\(([^()]+)\)/.exec(credit)?.[1];
  return outlet === undefined ? NONE : contentWords(outlet);
}

/** The text lowercased, its runs of other characters than letters and digits one space, trimmed. */
function normalized(text: string): string {
  return lowercaseWords(text).join(' ');
}

/**
 * Whether `normalized(text) === normal`, read along both and given up at the first difference:
 * asked of every sentence against the title, which almost all differ from at once.
 */
function normalizesTo(text: string, normal: string): boolean {
  const lower = text.toLowerCase();
  let at = 0;
  let inWords = false;
  let betweenWords = false;
  for (let index = 0; index < lower.length; ) {
    const length = letterOrDigitLength(lower, index);
    if (length === 0) {
      betweenWords = inWords;
      index += 1;
      continue;
    }
    if (betweenWords) {
      if (normal.charCodeAt(at) !== 0x20) return false;
      at += 1;
      betweenWords = false;
    }
    inWords = true;
    for (const end = index + length; index < end; index += 1, at += 1) {
      if (normal.charCodeAt(at) !== lower.charCodeAt(index)) return false;
    }
  }
  return at === normal.length;
}

/**
 * Headings, captions, photo credits, bylines, editor's notes, a newsletter's greeting, a turn of an interview, the title: never
 * key points. (Headings and datelines on a line of their own have no final punctuation and never get
 * this far; nor do the sentences after a turn's opening one, in its paragraph.)
 */
function isArticleFurniture(display: string, words: number, title: string): boolean {
  if (words < MIN_WORDS || words > MAX_WORDS) return true;
  if ((title !== '' && normalizesTo(display, title)) || isTitleCase(display)) return true;
  if (BYLINE.test(display) && words <= MAX_BYLINE_WORDS) return true;
  return TIMESTAMP_LINE.test(display) || SIGNPOST.test(display) || PHOTO_CREDIT.test(display) || CONTRIBUTOR_LINE.test(display) || LINK_TEASER.test(display)
    || EDITORIAL_NOTE.test(display) || CONTACT_OR_LINK.test(display) || PROMOTION.test(display) || GRAPHIC_NOTE.test(display) || NO_COMMENT.test(display) || GREETING.test(display);
}

/** A question, which says what was asked (`What about nappies and medical waste?`), not what happened. */
function isQuestion(display: string): boolean {
  return display.endsWith('?') || display.endsWith('?”') || display.endsWith('?"');
}

/**
 * Whether the sentence opens a quotation it does not close or closes one it did not open: a
 * piece of a quote that runs over several sentences, which reads as a fragment on its own.
 */
function splitsQuotation(display: string): boolean {
  return occurrences(display, '“') !== occurrences(display, '”') || occurrences(display, '"') % 2 === 1;
}

/** How many times `character` occurs in `text`: found with indexOf, a fast search, as most sentences have no quote marks. */
function occurrences(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/** Share of the sentence's characters covered by any of the quotes. */
function quotedShare(sentence: Sentence, quotes: readonly QuoteSpan[]): number {
  let covered = 0;
  for (const quote of quotes) {
    covered += Math.max(0, Math.min(sentence.end, quote.end) - Math.max(sentence.start, quote.start));
  }
  return covered / Math.max(1, sentence.end - sentence.start);
}

/** The article's sentences that could be key points, in reading order. */
export function keyPointCandidates(text: string, options: KeyPointOptions = {}): Candidate[] {
  const title = normalized(options.title ?? '');
  const quotes = options.quotes ?? [];
  const candidates: Candidate[] = [];
  // Stopwords are never content words, of a sentence or of the title.
  const vocabulary = new Vocabulary(STOPWORDS);
  const sentences = splitSentences(text);
  const outlet = creditedOutlet(sentences[0]?.text ?? '');
  const labels = transcriptLabels(sentences);
  // The paragraph of the interview's last turn (`Q: …`, `A: …`), none of whose sentences is a key point.
  let turn = -1;
  sentences.forEach((sentence, index) => {
    // A wire credit or a dateline can only open a paragraph; a turn of an interview opens one
    // (or, in a text without paragraphs, a sentence).
    const opensParagraph = sentences[index - 1]?.paragraph !== sentence.paragraph;
    const isTurn = opensTurn(sentence.text, labels);
    if (opensParagraph && isTurn) turn = sentence.paragraph;
    if (!sentence.terminal || sentence.paragraph === turn || isTurn) return;
    const withoutDateline = opensParagraph ? sentence.text.replace(WIRE_CREDIT, '').replace(DATELINE_PREFIX, '').replace(TIME_PREFIX, '') : sentence.text;
    const labelled = index === 0 ? withoutLeadPlace(withoutDateline.replace(LEAD_DATELINE_PREFIX, '')) : withoutDateline;
    const display = labelled.replace(LABEL_PREFIX, '');
    const words = countWords(display);
    // A label may say what the line is (`Photo: …`, `Correction: …`): asked before it is left out.
    if (display !== labelled && isArticleFurniture(labelled, words, title)) return;
    const wholeParagraph = opensParagraph && sentences[index + 1]?.paragraph !== sentence.paragraph;
    // A paragraph that is only a quotation or a question (`What about nappies and medical waste?`, a
    // question as a subheading) is someone's words no one is named for, or what was asked.
    const standsAlone = wholeParagraph && (WHOLLY_QUOTED.test(display) || isQuestion(display));
    if (isArticleFurniture(display, words, title) || splitsQuotation(display) || standsAlone) return;
    if (quotedShare(sentence, quotes) > QUOTE_OVERLAP) return;
    const continues = opensWithDanglingReference(display);
    // A sentence leaning on the one before may only follow that sentence, itself a usable one.
    if (continues && candidates.at(-1)?.index !== index - 1) return;
    candidates.push({ sentence, display, index, wordCount: words, contentWords: vocabulary.listOf(lowercaseWords(display), outlet), continues, vocabulary });
  });
  return candidates;
}

/** The digest's default: 3 key points for a short article, up to 5 for a long one. */
export function defaultKeyPointCount(text: string): number {
  const words = countWords(text);
  if (words < 500) return 3;
  return words < 1000 ? 4 : 5;
}

/** Word-set overlap (Jaccard) of two sentences (distinct word numbers), in [0, 1]. */
function overlap(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  // A sentence has a few dozen words at most, and few pairs are compared: no set is needed.
  for (const word of a) if (b.includes(word)) shared++;
  return shared / Math.max(1, a.length + b.length - shared);
}

/** How many key points to return: `most`, or down to `fewest` when the sentences are long. */
export interface PointCount {
  most: number;
  fewest: number;
}

/**
 * Picks up to `count.most` points by score, best first, never a near-duplicate of a sentence
 * already picked. A sentence that continues the one before it is picked only once that one is, and
 * joins its point rather than opening another. Once `count.fewest` points are picked, a sentence
 * is passed over if it scores more than the model's `scoreMargin` below the best one, or would
 * take the words past `wordsPerPoint` per point on average (of `count.most` points). Returns the
 * sentences in reading order; ties go to the earlier sentence.
 */
export function selectKeyPoints(candidates: readonly Candidate[], scores: readonly number[], count: PointCount, model: KeyPointLimits): Candidate[] {
  const budget = model.wordsPerPoint * count.most;
  // Listed with push, not `candidates.map((_, i) => i)`: map's result came in more than one array
  // layout, and the optimized code, built for one, was thrown away at the first other.
  const order: number[] = [];
  for (let i = 0; i < candidates.length; i++) order.push(i);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const lowest = (scores[order[0] ?? 0] ?? 0) - model.scoreMargin;
  const chosen: Candidate[] = [];
  // Continuations that outrank the sentence they lean on, best first: tried as soon as it is picked.
  const waiting: number[] = [];
  let words = 0;
  let points = 0;
  const pick = (i: number): void => {
    const candidate = candidates[i] as Candidate;
    if (!candidate.continues && points >= count.most) return;
    if (points >= count.fewest && (words + candidate.wordCount > budget || (scores[i] ?? 0) < lowest)) return;
    if (chosen.some((other) => overlap(candidate.contentWords, other.contentWords) > DUPLICATE_OVERLAP)) return;
    chosen.push(candidate);
    words += candidate.wordCount;
    if (!candidate.continues) points++;
    const next = waiting.findIndex((j) => candidates[j]?.index === candidate.index + 1);
    if (next >= 0) pick(waiting.splice(next, 1)[0] as number);
  };
  for (const i of order) {
    const candidate = candidates[i] as Candidate;
    if (candidate.continues && !chosen.some((other) => other.index === candidate.index - 1)) waiting.push(i);
    else pick(i);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/** The points the picked sentences make: a continuation shown joined to the sentence before it. */
export function keyPointTexts(chosen: readonly Candidate[]): string[] {
  const texts: string[] = [];
  chosen.forEach((candidate, i) => {
    if (candidate.continues && chosen[i - 1]?.index === candidate.index - 1) texts[texts.length - 1] += ` ${candidate.display}`;
    else texts.push(candidate.display);
  });
  return texts;
}

/**
 * `count` points, or one fewer when the sentences are long: a few short points read better, and
 * score better against short highlights, than as many long ones. Never fewer than 2 for that
 * reason, nor than 3 by default (3 to 5 depending on the article's length): the digest's cards
 * are laid out for 3 to 5.
 */
export function pointCount(text: string, count: number | undefined): PointCount {
  const most = count ?? defaultKeyPointCount(text);
  const floor = count === undefined ? DIGEST_FEWEST_POINTS : FEWEST_POINTS;
  return { most, fewest: Math.min(most, Math.max(floor, most - 1)) };
}

/** The features of each candidate, the title standing for what the article is about when given. */
export function featuresOf(candidates: readonly Candidate[], title?: string): number[][] {
  const vocabulary = candidates[0]?.vocabulary;
  const hasTitle = title !== undefined && title.trim() !== '';
  // Numbered in the candidates' vocabulary: a title word no candidate has gets a number of its own.
  return candidateFeatures(candidates, hasTitle && vocabulary ? vocabulary.listOf(lowercaseWords(title)) : undefined);
}

/**
 * The article's key points: `count` sentences, or one fewer when they are long (see pointCount),
 * fewer still if the text has fewer usable ones; in reading order. Deterministic.
 */
export function extractKeyPoints(text: string, options: KeyPointOptions = {}): string[] {
  const candidates = keyPointCandidates(text, options);
  const scores = featuresOf(candidates, options.title).map((features) => weightedSum(features, TRAINED_WEIGHTS));
  return keyPointTexts(selectKeyPoints(candidates, scores, pointCount(text, options.count), TRAINED_MODEL));
}
