/**
 * Speed of batch summarizing: the whole `gazette summarize --jsonl FILE --points 3` process
 * (start-up included) over the articles of a keypoints file, against the npm package
 * node-summarizer (TextRank, 3 sentences) in this process over the same articles. Each runs three
 * times, in turns (ours, theirs, ours, ...), and the fastest run of each counts: on a busy machine
 * a burst of load then slows both sides alike rather than one of them.
 * Usage: node dist/bench/summarize.js [KEYPOINTS.jsonl]   (default ../shared/eval/keypoints-dev.jsonl)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readKeyPointsFile, type KeyPointsArticle } from './eval-keypoints.js';

interface TextRankSummarizer {
  getSummaryByRank(): Promise<{ summary: string }>;
}

// node-summarizer is CommonJS without types; only this benchmark uses it.
const { SummarizerManager } = createRequire(import.meta.url)('node-summarizer') as {
  SummarizerManager: new (text: string, sentences: number) => TextRankSummarizer;
};

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const RUNS = 3;

interface Timing {
  seconds: number;
  articlesPerSecond: number;
}

function timing(articles: number, milliseconds: number): Timing {
  const seconds = milliseconds / 1000;
  return { seconds: Math.round(seconds * 1000) / 1000, articlesPerSecond: Math.round(articles / seconds) };
}

/** Runs the CLI over `inputFile`; resolves with the number of summary lines it printed. */
function runCli(inputFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'summarize', '--jsonl', inputFile, '--points', '3'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 0x0a) lines++;
    });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`CLI exited with ${code}`))));
  });
}

/** Milliseconds of one CLI run over `inputFile`, checked to print a summary per article. */
async function timeCli(inputFile: string, articles: number): Promise<number> {
  const started = performance.now();
  const summaries = await runCli(inputFile);
  const elapsed = performance.now() - started;
  if (summaries !== articles) throw new Error(`CLI printed ${summaries} summaries for ${articles} articles`);
  return elapsed;
}

/** Milliseconds of one node-summarizer pass over the articles. */
async function timeNodeSummarizer(articles: readonly KeyPointsArticle[]): Promise<number> {
  const started = performance.now();
  for (const article of articles) await new SummarizerManager(article.text, 3).getSummaryByRank();
  return performance.now() - started;
}

/** The fastest of RUNS turns of each, taken in alternation. */
async function timeBoth(articles: readonly KeyPointsArticle[]): Promise<{ gazette: Timing; nodeSummarizer: Timing }> {
  const folder = await mkdtemp(join(tmpdir(), 'gazette-bench-'));
  try {
    const inputFile = join(folder, 'articles.jsonl');
    await writeFile(inputFile, articles.map(({ id, text }) => `${JSON.stringify({ id, text })}\n`).join(''));
    let ours = Infinity;
    let theirs = Infinity;
    for (let run = 0; run < RUNS; run++) {
      ours = Math.min(ours, await timeCli(inputFile, articles.length));
      theirs = Math.min(theirs, await timeNodeSummarizer(articles));
    }
    return { gazette: timing(articles.length, ours), nodeSummarizer: timing(articles.length, theirs) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const file = process.argv[2] ?? '../shared/eval/keypoints-dev.jsonl';
const articles = await readKeyPointsFile(file);
const { gazette, nodeSummarizer } = await timeBoth(articles);
console.log(JSON.stringify({
  articles: articles.length,
  gazette: { command: 'node dist/src/cli/main.js summarize --jsonl FILE --points 3', fastestOf: RUNS, ...gazette },
  nodeSummarizer: { call: 'new SummarizerManager(text, 3).getSummaryByRank()', fastestOf: RUNS, ...nodeSummarizer },
  speedup: Math.round((10 * gazette.articlesPerSecond) / nodeSummarizer.articlesPerSecond) / 10,
}, null, 2));
