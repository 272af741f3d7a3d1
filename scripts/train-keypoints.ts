/**
 * Trains the key-point model (src/summarize/keypoints/keypoint-weights.json) on a keypoints JSONL file.
 *
 * Each article's candidates are labelled by a greedy oracle: the sentences that, added one by one,
 * raise the mean of ROUGE-1, ROUGE-2 and ROUGE-Lsum against the reference highlights most (up to
 * 3). A logistic regression on the features of keypoint-features.ts learns to tell those from the
 * rest (full-batch gradient descent from zero weights, a fixed number of steps: no random draw, so
 * every run gives the same weights). The words-per-point budget and the score margin of a point
 * beyond the fewest are then the pair of a small grid under which the chosen points score best.
 *
 * Before fitting on the whole file it reports k-fold cross-validation by document (bench/folds.ts):
 * fitted on k-1 folds, scored on the held-out one, beside Lead-3 on that fold. Those held-out
 * figures are the honest ones; the whole-file figure is the model scored on its own training data.
 * The split is then drawn again from other hashes of the ids (repeatedCrossValidation): a change is
 * kept when it gains on most draws, not on the one split reported fold by fold. Each article's
 * held-out gain, averaged over the draws, also gives a bootstrap interval: where the gain could
 * fall on another set of as many articles.
 * Candidates are built as `gazette summarize` builds them, notable quotes left out.
 *
 * Usage (from the repository root): node dist/scripts/train-keypoints.js DEV.jsonl [OUTPUT.json] [FOLDS]
 */
import { writeFile } from 'node:fs/promises';
import { leadThree, readKeyPointsFile, type KeyPointsArticle } from '../bench/eval-keypoints.js';
import { bootstrapInterval, roundInterval } from '../bench/bootstrap.js';
import { splitByFold, summarizeFolds, DEFAULT_FOLDS } from '../bench/folds.js';
import { scoreRouge, type RougeScores } from '../bench/scoring/rouge.js';
import { FEATURE_NAMES, type FeatureWeights } from '../src/summarize/keypoints/keypoint-features.js';
import {
  featuresOf,
  keyPointCandidates,
  linearScore,
  keyPointTexts,
  pointCount,
  selectKeyPoints,
  type Candidate,
  type KeyPointModel,
} from '../src/summarize/keypoints/keypoints.js';
import { findQuotes, selectNotableQuotes } from '../src/summarize/quotes/quotes.js';

const KEY_POINTS = 3;
/** As `gazette summarize --points 3` counts them. */
const COUNT = pointCount('', KEY_POINTS);
/** Mean words per point tried for the budget; a reference highlight is about 13 words. */
const WORDS_PER_POINT_GRID = [16, 17, 18, 19, 20, 22, 24];
/** Score margins tried for a point beyond the fewest (scores are on the scale of the raw features). */
const SCORE_MARGIN_GRID = [0.5, 1, 1.5, 2, 3];
/** Gradient descent: step size on standardized features, steps, and L2 penalty. */
const LEARNING_RATE = 0.5;
const STEPS = 300;
const L2 = 0.001;

interface PreparedArticle {
  id: string;
  candidates: Candidate[];
  features: number[][];
  /** Which candidates the greedy oracle picks: the training labels. */
  labels: boolean[];
  highlights: string[];
  lead3: RougeScores;
  /** ROUGE per chosen set of candidates: most budgets keep the same choice. */
  rougeByChoice: Map<string, RougeScores>;
}

const meanOfThree = (rouge: RougeScores): number => (rouge.rouge1 + rouge.rouge2 + rouge.rougeLsum) / 3;

/** Indices of the candidates a greedy oracle picks: each raises the ROUGE of the set the most. */
function oracleChoice(candidates: readonly Candidate[], highlights: readonly string[]): Set<number> {
  const chosen: number[] = [];
  let current = 0;
  while (chosen.length < KEY_POINTS) {
    let best = { index: -1, value: current };
    candidates.forEach((_, i) => {
      if (chosen.includes(i)) return;
      const set = [...chosen, i].sort((a, b) => a - b).map((j) => (candidates[j] as Candidate).display);
      const value = meanOfThree(scoreRouge(highlights, set));
      if (value > best.value) best = { index: i, value };
    });
    if (best.index < 0) break;
    chosen.push(best.index);
    current = best.value;
  }
  return new Set(chosen);
}

function prepare(article: KeyPointsArticle): PreparedArticle {
  const candidates = keyPointCandidates(article.text, { quotes: selectNotableQuotes(findQuotes(article.text)) });
  const oracle = oracleChoice(candidates, article.highlights);
  return {
    id: article.id,
    candidates,
    features: featuresOf(candidates),
    labels: candidates.map((_, i) => oracle.has(i)),
    highlights: article.highlights,
    lead3: scoreRouge(article.highlights, leadThree(article.text)),
    rougeByChoice: new Map(),
  };
}

/** Logistic regression weights, mapped back to the raw features (the bias does not change a ranking). */
function fitWeights(articles: readonly PreparedArticle[]): FeatureWeights {
  const rows = articles.flatMap((article) => article.features);
  const labels = articles.flatMap((article) => article.labels.map((label) => (label ? 1 : 0)));
  const width = FEATURE_NAMES.length;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + (row[j] ?? 0), 0) / rows.length);
  const spread = mean.map((m, j) => Math.sqrt(rows.reduce((sum, row) => sum + ((row[j] ?? 0) - m) ** 2, 0) / rows.length) || 1);
  const standardized = rows.map((row) => row.map((value, j) => (value - (mean[j] as number)) / (spread[j] as number)));
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  for (let step = 0; step < STEPS; step++) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    standardized.forEach((row, k) => {
      let logit = bias;
      for (let j = 0; j < width; j++) logit += (row[j] as number) * (weights[j] as number);
      const error = 1 / (1 + Math.exp(-logit)) - (labels[k] as number);
      biasGradient += error;
      for (let j = 0; j < width; j++) gradient[j] = (gradient[j] as number) + error * (row[j] as number);
    });
    for (let j = 0; j < width; j++) {
      weights[j] = (weights[j] as number) - LEARNING_RATE * ((gradient[j] as number) / rows.length + L2 * (weights[j] as number));
    }
    bias -= (LEARNING_RATE * biasGradient) / rows.length;
  }
  const round = (value: number): number => Math.round(value * 10000) / 10000;
  return Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, round((weights[j] as number) / (spread[j] as number))])) as FeatureWeights;
}

function articleRouge(article: PreparedArticle, model: KeyPointModel): RougeScores {
  const scores = article.features.map((features) => linearScore(features, model.weights));
  const chosen = selectKeyPoints(article.candidates, scores, COUNT, model);
  const key = chosen.map((candidate) => candidate.index).join(',');
  let rouge = article.rougeByChoice.get(key);
  if (rouge === undefined) {
    rouge = scoreRouge(article.highlights, keyPointTexts(chosen));
    article.rougeByChoice.set(key, rouge);
  }
  return rouge;
}

/** The weights, then the grid's budget and margin with the best mean ROUGE on these articles (the first on a tie). */
function train(articles: readonly PreparedArticle[]): KeyPointModel {
  const weights = fitWeights(articles);
  let best = { model: { weights, wordsPerPoint: WORDS_PER_POINT_GRID[0] as number, scoreMargin: SCORE_MARGIN_GRID[0] as number }, value: -Infinity };
  for (const wordsPerPoint of WORDS_PER_POINT_GRID) {
    for (const scoreMargin of SCORE_MARGIN_GRID) {
      const model = { weights, wordsPerPoint, scoreMargin };
      const value = articles.reduce((sum, article) => sum + meanOfThree(articleRouge(article, model)), 0);
      if (value > best.value) best = { model, value };
    }
  }
  return best.model;
}

/** Mean ROUGE of the articles and its gain over Lead-3, as percentages. */
function scoreArticles(articles: readonly PreparedArticle[], model: KeyPointModel) {
  const rows = articles.map((article) => ({ ours: articleRouge(article, model), lead3: article.lead3 }));
  const percent = (pick: (row: (typeof rows)[number]) => number): number =>
    Math.round((10000 * rows.reduce((sum, row) => sum + pick(row), 0)) / Math.max(1, rows.length)) / 100;
  return {
    rouge1: percent(({ ours }) => ours.rouge1),
    rouge2: percent(({ ours }) => ours.rouge2),
    rougeLsum: percent(({ ours }) => ours.rougeLsum),
    rouge1OverLead3: percent(({ ours, lead3 }) => ours.rouge1 - lead3.rouge1),
    rouge2OverLead3: percent(({ ours, lead3 }) => ours.rouge2 - lead3.rouge2),
    rougeLsumOverLead3: percent(({ ours, lead3 }) => ours.rougeLsum - lead3.rougeLsum),
  };
}

type Scores = ReturnType<typeof scoreArticles>;

/** One article's ROUGE gains over Lead-3 (percentage points) under a model that never saw it. */
interface ArticleGain {
  id: string;
  rouge1OverLead3: number;
  rouge2OverLead3: number;
  rougeLsumOverLead3: number;
}

const GAINS = ['rouge1OverLead3', 'rouge2OverLead3', 'rougeLsumOverLead3'] as const;

/** One held-out fold: its size, the model fitted on the other folds, that model's scores on it and each of its articles' gains. */
interface HeldOutFold {
  articles: number;
  model: KeyPointModel;
  scores: Scores;
  gains: ArticleGain[];
}

/** How many splits into folds the repeated cross-validation draws (the first is the one reported per fold). */
const REPEATED_SPLITS = 5;

/** Held-out scores of each fold, the articles split by `idOf` hashed: each fitted on the other folds. */
function crossValidate(articles: readonly PreparedArticle[], folds: number, idOf: (article: PreparedArticle) => string): HeldOutFold[] {
  const split = splitByFold(articles, idOf, folds);
  return split.map((testArticles, fold) => {
    const model = train(split.filter((_, other) => other !== fold).flat());
    const gains = testArticles.map((article): ArticleGain => {
      const ours = articleRouge(article, model);
      const percent = (value: number): number => 100 * value;
      return {
        id: article.id,
        rouge1OverLead3: percent(ours.rouge1 - article.lead3.rouge1),
        rouge2OverLead3: percent(ours.rouge2 - article.lead3.rouge2),
        rougeLsumOverLead3: percent(ours.rougeLsum - article.lead3.rougeLsum),
      };
    });
    return { articles: testArticles.length, model, scores: scoreArticles(testArticles, model), gains };
  });
}

/** Each figure over the folds: mean (each fold weighing alike), least, most, and per fold. */
function summarizeByFigure(perFold: readonly Scores[]) {
  const figures = Object.keys(perFold[0] ?? {}) as (keyof Scores)[];
  return Object.fromEntries(figures.map((figure) => {
    const { mean, min, max, perFold: values } = summarizeFolds(perFold.map((scores) => scores[figure]), 2);
    return [figure, { mean, min, max, perFold: values }];
  }));
}

/** The ROUGE gains over Lead-3 of each split, as its folds' mean: their mean, the lowest split, and per split. */
function summarizeSplits(splits: readonly HeldOutFold[][]) {
  return Object.fromEntries(GAINS.map((gain) => {
    const splitMeans = splits.map((folds) => folds.reduce((sum, fold) => sum + fold.scores[gain], 0) / Math.max(1, folds.length));
    const { mean, min, perFold } = summarizeFolds(splitMeans, 2);
    return [gain, { mean, min, perSplit: perFold }];
  }));
}

/**
 * Where the held-out gains could fall on another set of as many articles: each article's gain
 * under the models that did not see it, averaged over the draws of the split, then the 95%
 * bootstrap interval of their mean (bench/bootstrap.ts), the articles drawn again.
 */
function heldOutIntervals(splits: readonly HeldOutFold[][]) {
  const byArticle = new Map<string, ArticleGain[]>();
  for (const gain of splits.flat().flatMap((fold) => fold.gains)) byArticle.set(gain.id, [...(byArticle.get(gain.id) ?? []), gain]);
  const perArticle = [...byArticle.values()];
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return Object.fromEntries(GAINS.map((gain) => {
    const articleGains = perArticle.map((draws) => mean(draws.map((draw) => draw[gain])));
    return [gain, roundInterval(bootstrapInterval(articleGains, mean), 2)];
  }));
}

async function main(): Promise<void> {
  const [file, output = 'src/summarize/keypoints/keypoint-weights.json', foldArgument = String(DEFAULT_FOLDS)] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: node dist/scripts/train-keypoints.js DEV.jsonl [OUTPUT.json] [FOLDS]');
    process.exit(2);
  }
  const articles = (await readKeyPointsFile(file)).map(prepare);
  const folds = Number(foldArgument);
  const heldOut = crossValidate(articles, folds, (article) => article.id);
  heldOut.forEach(({ articles: size, model, scores }, fold) =>
    console.log(JSON.stringify({ fold, articles: size, ...scores, wordsPerPoint: model.wordsPerPoint, scoreMargin: model.scoreMargin })));
  const crossValidation = summarizeByFigure(heldOut.map(({ scores }) => scores));
  // One split by document is one draw: k folds drawn again from other hashes of the ids show how
  // much the held-out figure owes to that draw.
  const redrawn = Array.from({ length: REPEATED_SPLITS - 1 }, (_, draw) => crossValidate(articles, folds, (article) => `${article.id}#${draw + 1}`));
  const splits = [heldOut, ...redrawn];
  const repeatedCrossValidation = { splits: REPEATED_SPLITS, ...summarizeSplits(splits), bootstrapInterval: heldOutIntervals(splits) };
  console.log(JSON.stringify({ repeatedCrossValidation }));
  const model = train(articles);
  const result = {
    comment: 'Linear key-point scorer; generated by scripts/train-keypoints.ts from the dev file, do not edit by hand.',
    objective: 'logistic regression on greedy-oracle labels; wordsPerPoint and scoreMargin by mean of ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of up to 3 points',
    crossValidation: { folds, ...crossValidation },
    repeatedCrossValidation,
    trainingSetRouge: scoreArticles(articles, model),
    ...model,
  };
  await writeFile(output, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}

await main();
