/**
 * Trains the key-point weights (src/summarize/keypoint-weights.json) on a keypoints JSONL file
 * by coordinate ascent on mean ROUGE of the top 3 sentences, and checks generalization with a
 * 2-fold split first: weights fitted on one half are scored on the other.
 * Usage: node dist/scripts/train-keypoints.js DEV.jsonl [OUTPUT.json]
 */
import { writeFile } from 'node:fs/promises';
import { readKeyPointsFile, type KeyPointsArticle } from '../bench/eval-keypoints.js';
import { scoreRouge } from '../src/eval/rouge.js';
import {
  FEATURE_NAMES,
  candidateFeatures,
  keyPointCandidates,
  linearScore,
  selectKeyPoints,
  type Candidate,
  type FeatureWeights,
} from '../src/summarize/keypoints.js';

const KEY_POINTS = 3;
/** Step sizes tried in turn, coarse to fine; few and round so the result stays readable. */
const STEPS = [0.5, 0.25, 0.1, 0.05];
/** Lead-N: the search starts from "earlier is better" and must earn every other weight. */
const LEAD: FeatureWeights = Object.fromEntries(
  FEATURE_NAMES.map((name) => [name, name === 'positionDecay' ? 1 : 0]),
) as FeatureWeights;
/**
 * Values tried for the two strongest signals besides position before the finer search: the
 * objective is flat between choices of sentences, so a greedy search from Lead-N alone stalls.
 */
const GRID = [0, 0.25, 0.5, 0.75, 1, 1.5];

interface PreparedArticle {
  candidates: Candidate[];
  features: number[][];
  highlights: string[];
  /** Objective per chosen set of candidate indices: many weight changes keep the same choice. */
  scoreByChoice: Map<string, number>;
}

function prepare(article: KeyPointsArticle): PreparedArticle {
  const candidates = keyPointCandidates(article.text);
  return { candidates, features: candidateFeatures(candidates), highlights: article.highlights, scoreByChoice: new Map() };
}

/** The mean of ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 for one article under the given weights. */
function articleObjective(article: PreparedArticle, weights: FeatureWeights): number {
  const scores = article.features.map((features) => linearScore(features, weights));
  const chosen = selectKeyPoints(article.candidates, scores, KEY_POINTS);
  const key = chosen.map((candidate) => candidate.index).join(',');
  let objective = article.scoreByChoice.get(key);
  if (objective === undefined) {
    const rouge = scoreRouge(article.highlights, chosen.map((candidate) => candidate.display));
    objective = (rouge.rouge1 + rouge.rouge2 + rouge.rougeLsum) / 3;
    article.scoreByChoice.set(key, objective);
  }
  return objective;
}

function meanObjective(articles: readonly PreparedArticle[], weights: FeatureWeights): number {
  return articles.reduce((sum, article) => sum + articleObjective(article, weights), 0) / articles.length;
}

/** The best of a coarse grid over sentence length and centrality, position weighing 1. */
function gridStart(articles: readonly PreparedArticle[]): FeatureWeights {
  let best = { weights: LEAD, objective: meanObjective(articles, LEAD) };
  for (const lengthPenalty of GRID) {
    for (const centrality of GRID) {
      const weights = { ...LEAD, lengthExcess: -lengthPenalty, centrality };
      const objective = meanObjective(articles, weights);
      if (objective > best.objective + 1e-9) best = { weights, objective };
    }
  }
  return best.weights;
}

/** From the grid's best, moves one weight at a time by ±step while that helps, finer steps last. */
function train(articles: readonly PreparedArticle[]): FeatureWeights {
  let weights = gridStart(articles);
  let best = meanObjective(articles, weights);
  for (const step of STEPS) {
    let improved = true;
    while (improved) {
      improved = false;
      for (const name of FEATURE_NAMES) {
        for (const delta of [step, -step]) {
          const trial = { ...weights, [name]: Math.round((weights[name] + delta) * 100) / 100 };
          const objective = meanObjective(articles, trial);
          if (objective > best + 1e-9) {
            weights = trial;
            best = objective;
            improved = true;
          }
        }
      }
    }
  }
  return weights;
}

const percent = (value: number): number => Math.round(value * 10000) / 100;

async function main(): Promise<void> {
  const [file, output = 'src/summarize/keypoint-weights.json'] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: node dist/scripts/train-keypoints.js DEV.jsonl [OUTPUT.json]');
    process.exit(2);
  }
  const articles = (await readKeyPointsFile(file)).map(prepare);
  const folds = [0, 1].map((parity) => articles.filter((_, i) => i % 2 === parity));
  for (const [trainFold, testFold] of [[0, 1], [1, 0]] as const) {
    const trainingHalf = folds[trainFold] ?? [];
    const heldOutHalf = folds[testFold] ?? [];
    const weights = train(trainingHalf);
    console.log(JSON.stringify({
      trainedOnFold: trainFold,
      heldOutObjective: percent(meanObjective(heldOutHalf, weights)),
      heldOutLead: percent(meanObjective(heldOutHalf, LEAD)),
      weights,
    }));
  }
  const weights = train(articles);
  const result = {
    comment: 'Linear key-point scorer; generated by scripts/train-keypoints.ts, do not edit by hand.',
    objective: 'mean of ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of the top 3 sentences',
    objectiveOnTrainingSet: percent(meanObjective(articles, weights)),
    weights,
  };
  await writeFile(output, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result));
}

await main();
