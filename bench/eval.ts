/**
 * The summarizer's scorecard on the evaluation sets, through the same interface the held-out
 * sets are scored with: the `gazette summarize --jsonl` process, start-up included.
 *
 *   npm run eval -- --data ../shared/eval [--names bench/data/speaker-names-train.jsonl] [--folds 5] [--out bench/results/eval.json]
 *
 * Prints one table (ours against Lead-3 for key points; quotes P/R/F1 and speaker accuracy;
 * name resolution; articles per second) and writes the same figures as JSON, each figure also
 * per fold of a k-fold split by document (bench/folds.ts): mean, smallest and largest over
 * the folds, so a change is kept only when it helps on most folds, not on the whole file alone;
 * and a 95% bootstrap interval by article (bench/bootstrap.ts) of each quote and name figure: how
 * far it could move on another set as large, such as a held-out one.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { QuoteSpan } from '../src/types.js';
import { BOOTSTRAP_DRAWS, type Interval } from './bootstrap.js';
import { splitByFold, summarizeFolds, DEFAULT_FOLDS, type FoldSummary } from './folds.js';
import keyPointModel from '../src/summarize/keypoints/keypoint-weights.json' with { type: 'json' };
import { countDanglingReferences, leadThree, meanRouge, readKeyPointsFile } from './eval-keypoints.js';
import { countQuotesByArticle, nameOutcomes, quoteIntervals, readJsonl, resolutionInterval, scoreQuotes, type NameAnnotation, type QuoteArticle } from './eval-quotes.js';
import { countPrintedDefects } from './scoring/printed-quotes.js';
import { parseBenchArguments } from './arguments.js';

const USAGE =
  'usage: npm run eval -- --data DIR [--names NAMES_JSONL] [--folds 5] [--out FILE]   (DIR holds keypoints-dev.jsonl, quotes-dev.jsonl, speaker-names-dev.jsonl)';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

interface CliLine {
  id: string;
  keyPoints: string[];
  quotes: QuoteSpan[];
}

/** Runs `gazette summarize --jsonl FILE ...` and returns its lines by id, with the wall time. */
function summarizeWithCli(file: string, flags: string[]): Promise<{ byId: Map<string, CliLine>; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'summarize', '--jsonl', file, ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`gazette summarize exited with ${code}`));
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
      resolve({ byId: new Map(lines.map((line) => JSON.parse(line) as CliLine).map((line) => [line.id, line])), seconds });
    });
  });
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const { values } = parseBenchArguments({ options: { data: { type: 'string' }, folds: { type: 'string', default: String(DEFAULT_FOLDS) }, out: { type: 'string', default: 'bench/results/eval.json' }, names: { type: 'string', multiple: true, default: [] } } }, USAGE);
  if (!values.data) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = (name: string) => path.join(values.data!, name);

  const keyPointArticles = await readKeyPointsFile(file('keypoints-dev.jsonl'));
  const keyPointRun = await summarizeWithCli(file('keypoints-dev.jsonl'), ['--points', '3']);
  const ours = meanRouge(keyPointArticles, (article) => keyPointRun.byId.get(article.id)?.keyPoints ?? []);
  const lead3 = meanRouge(keyPointArticles, (article) => leadThree(article.text));
  const ourPoints = [...keyPointRun.byId.values()].map((line) => line.keyPoints);
  const dangling = { keyPoints: ourPoints.flat().length, openingWithDanglingReference: countDanglingReferences(ourPoints) };

  const quoteArticles = await readJsonl<QuoteArticle>(file('quotes-dev.jsonl'));
  const annotations = await readJsonl<NameAnnotation>(file('speaker-names-dev.jsonl'));
  const quoteRun = await summarizeWithCli(file('quotes-dev.jsonl'), ['--all-quotes']);
  const found = new Map([...quoteRun.byId].map(([id, line]) => [id, line.quotes]));
  const quotes = scoreQuotes(quoteArticles, annotations, found);
  // What a reader is shown of every quotation: titles taken for roles, comma-joined pieces, unfinished endings.
  const printed = countPrintedDefects(quoteArticles.map((article) => ({ text: article.text, quotes: found.get(article.id) ?? [] })));

  const folds = Number(values.folds);
  const keyPointFolds = splitByFold(keyPointArticles, (article) => article.id, folds).map((articles) => {
    const fold = meanRouge(articles, (article) => keyPointRun.byId.get(article.id)?.keyPoints ?? []);
    const lead = meanRouge(articles, (article) => leadThree(article.text));
    return { rouge1: fold.rouge1, rouge2: fold.rouge2, rougeLsum: fold.rougeLsum, rouge1OverLead3: fold.rouge1 - lead.rouge1, rouge2OverLead3: fold.rouge2 - lead.rouge2, rougeLsumOverLead3: fold.rougeLsum - lead.rougeLsum };
  });
  const quoteFolds = splitByFold(quoteArticles, (article) => article.id, folds).map((articles) => {
    const ids = new Set(articles.map((article) => article.id));
    const fold = scoreQuotes(articles, annotations.filter((annotation) => ids.has(annotation.id)), found);
    return { precision: fold.precision, recall: fold.recall, f1: fold.f1, speakerAccuracy: fold.speakerAccuracy, nameResolution: fold.names.resolution };
  });
  const quoteArticlesById = new Map(quoteArticles.map((article) => [article.id, article]));
  // More hand-resolved name files (`--names FILE`, repeatable) on articles of the same quotes file.
  const extraNames = await Promise.all(values.names!.map(async (namesFile) => {
    const lines = await readJsonl<NameAnnotation>(namesFile);
    const perFold = splitByFold(quoteArticles, (article) => article.id, folds).map((articles) => {
      const ids = new Set(articles.map((article) => article.id));
      return scoreQuotes(articles, lines.filter((line) => ids.has(line.id)), found).names.resolution;
    });
    return { file: path.basename(namesFile), names: scoreQuotes(quoteArticles, lines, found).names, folds: summarizeFolds(perFold), interval: resolutionInterval(nameOutcomes(lines, quoteArticlesById, found)) };
  }));
  const crossValidation: Record<string, FoldSummary> = {};
  for (const key of Object.keys(keyPointFolds[0]!) as (keyof (typeof keyPointFolds)[number])[]) crossValidation[key] = summarizeFolds(keyPointFolds.map((fold) => fold[key]), 2);
  for (const key of Object.keys(quoteFolds[0]!) as (keyof (typeof quoteFolds)[number])[]) crossValidation[key] = summarizeFolds(quoteFolds.map((fold) => fold[key]));
  for (const extra of extraNames) crossValidation[`nameResolution ${extra.file}`] = extra.folds;

  // How far each figure could move on another set of as many articles (the held-out sets are
  // such sets): documents drawn again with replacement. Key points: the trainer's held-out gains.
  const bootstrapIntervals: Record<string, Interval | null> = {
    ...quoteIntervals(countQuotesByArticle(quoteArticles, found)),
    nameResolution: resolutionInterval(nameOutcomes(annotations, quoteArticlesById, found)),
    ...Object.fromEntries(extraNames.map((extra) => [`nameResolution ${extra.file}`, extra.interval])),
  };

  // The shipped weights were fitted on these very articles: their held-out gain is the trainer's,
  // refitted on k-1 folds over several draws of the split, as recorded in the weights file.
  const heldOut = keyPointModel.repeatedCrossValidation;
  const report = {
    folds,
    crossValidation,
    bootstrapIntervals,
    keyPoints: { articles: keyPointArticles.length, ours, lead3, gainOverLead3: { rouge1: round(ours.rouge1 - lead3.rouge1), rouge2: round(ours.rouge2 - lead3.rouge2), rougeLsum: round(ours.rougeLsum - lead3.rougeLsum) }, heldOutGainOverLead3: heldOut, ...dangling },
    quotes: { articles: quotes.articles, precision: round(quotes.precision, 4), recall: round(quotes.recall, 4), f1: round(quotes.f1, 4), speakerAccuracy: round(quotes.speakerAccuracy, 4), printedDefects: printed },
    speakerNames: Object.fromEntries(Object.entries(quotes.names).map(([kind, value]) => [kind, round(value, 4)])),
    moreSpeakerNames: Object.fromEntries(extraNames.map((extra) => [extra.file, Object.fromEntries(Object.entries(extra.names).map(([kind, value]) => [kind, round(value, 4)]))])),
    speed: {
      keyPointsArticlesPerSecond: Math.round(keyPointArticles.length / keyPointRun.seconds),
      quotesArticlesPerSecond: Math.round(quoteArticles.length / quoteRun.seconds),
      note: 'whole CLI process, start-up included, wall clock',
    },
  };

  const rows: [string, string, string][] = [
    ['key points (3), ROUGE-1 / 2 / Lsum', `${ours.rouge1} / ${ours.rouge2} / ${ours.rougeLsum}`, `Lead-3 ${lead3.rouge1} / ${lead3.rouge2} / ${lead3.rougeLsum}`],
    [
      'key points over Lead-3 held out, ROUGE-1 / 2 / Lsum',
      `+${heldOut.rouge1OverLead3.mean} / +${heldOut.rouge2OverLead3.mean} / +${heldOut.rougeLsumOverLead3.mean}`,
      `refitted, ${keyPointModel.crossValidation.folds} folds × ${heldOut.splits} draws, lowest draw +${heldOut.rouge1OverLead3.min}; ROUGE-1 95% bootstrap interval [${heldOut.bootstrapInterval.rouge1OverLead3.low}, ${heldOut.bootstrapInterval.rouge1OverLead3.high}]; recorded by train-keypoints`,
    ],
    ['key points opening with a dangling reference', `${dangling.openingWithDanglingReference} of ${dangling.keyPoints}`, ''],
    ['quotes P / R / F1', `${report.quotes.precision} / ${report.quotes.recall} / ${report.quotes.f1}`, `${quotes.articles} articles`],
    ['speaker accuracy', String(report.quotes.speakerAccuracy), ''],
    ['printed quotes: title as role / comma-joined / unfinished', `${printed.titleAsRole} / ${printed.commaJoined} / ${printed.unfinished}`, `of ${printed.quotes} quotes`],
    ['names: pronoun + description', String(report.speakerNames.resolution), `surname ${report.speakerNames.surname}, fullname ${report.speakerNames.fullname}`],
    ...extraNames.map(({ file, names }): [string, string, string] => [`names ${file}: pronoun + description`, String(round(names.resolution, 4)), `surname ${round(names.surname, 4)}, fullname ${round(names.fullname, 4)}`]),
    ['articles per second (CLI)', String(report.speed.keyPointsArticlesPerSecond), `quotes set ${report.speed.quotesArticlesPerSecond}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value, note] of rows) console.log(`${label.padEnd(width)}  ${value}${note ? `   (${note})` : ''}`);
  console.log(`\n${folds}-fold by document: mean [smallest, largest] over the folds (key points: the shipped weights, fitted on every fold; their spread, not held-out skill)`);
  const foldWidth = Math.max(...Object.keys(crossValidation).map((key) => key.length));
  for (const [key, summary] of Object.entries(crossValidation)) console.log(`${key.padEnd(foldWidth)}  ${summary.mean} [${summary.min}, ${summary.max}]`);
  console.log(`\n95% bootstrap intervals, articles drawn again (${BOOTSTRAP_DRAWS} draws): where another set as large as this one could put each figure`);
  const intervalWidth = Math.max(...Object.keys(bootstrapIntervals).map((key) => key.length));
  for (const [key, interval] of Object.entries(bootstrapIntervals)) if (interval) console.log(`${key.padEnd(intervalWidth)}  [${interval.low}, ${interval.high}]`);

  await mkdir(path.dirname(values.out!), { recursive: true });
  await writeFile(values.out!, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${values.out}`);
}

await main();
