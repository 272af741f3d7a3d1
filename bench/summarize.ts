/**
 * Speed of batch summarizing: the whole `gazette summarize --jsonl FILE --points 3` process
 * (start-up included) over the articles of a keypoints file, against the npm package
 * node-summarizer (TextRank, 3 sentences) in this process over the same articles. The CLI is
 * timed doing its whole job (key points, quotations and their speakers) and, beside it, with
 * `--no-quotes`: key points alone, the job node-summarizer does. Each runs three
 * times, in turns (ours, theirs, ours, ...), and the fastest run of each counts: on a busy machine
 * a burst of load then slows both sides alike rather than one of them. CPU time (the least of the
 * runs, the CLI's whole process with its start-up) is reported beside wall time: it compares
 * fairly even while other processes share the machine. The CLI's CPU time is read in runs of its
 * own, so that what reads it is not inside the timed runs.
 * Usage: node dist/bench/summarize.js [KEYPOINTS.jsonl]   (default ../shared/eval/keypoints-dev.jsonl)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseBenchArguments } from './arguments.js';
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

/** What the CLI is timed doing: its whole job, or key points alone (what node-summarizer does). */
type Job = 'whole' | 'keyPointsOnly';
const JOBS: readonly Job[] = ['whole', 'keyPointsOnly'];
const JOB_ARGUMENTS: Record<Job, (inputFile: string) => string[]> = {
  whole: (inputFile) => ['summarize', '--jsonl', inputFile, '--points', '3'],
  keyPointsOnly: (inputFile) => ['summarize', '--jsonl', inputFile, '--points', '3', '--no-quotes'],
};
// Loaded into the CLI process before it starts, in the runs that measure CPU time: on exit, the CPU
// time the whole process used (all its threads, start-up included) goes to file descriptor 3. On a
// shared machine CPU time is what compares fairly; wall time also counts the other processes'
// turns. Loading it costs the process 12-17 ms of wall time (measured on this two-core VM), so the
// timed runs go without it.
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const { user, system } = process.cpuUsage(); writeSync(3, String(user + system)); });",
)}`;

interface Timing {
  seconds: number;
  articlesPerSecond: number;
  cpuSeconds: number;
}

/** One run: wall and CPU milliseconds. */
interface Run {
  milliseconds: number;
  cpuMilliseconds: number;
}

const roundSeconds = (milliseconds: number): number => Math.round(milliseconds) / 1000;

function timing(articles: number, fastestMilliseconds: number, leastCpu: number): Timing {
  const seconds = fastestMilliseconds / 1000;
  return { seconds: roundSeconds(fastestMilliseconds), articlesPerSecond: Math.round(articles / seconds), cpuSeconds: roundSeconds(leastCpu) };
}

/**
 * Runs the CLI over `inputFile`; resolves with the number of summary lines it printed and, when
 * `reportCpu`, its CPU milliseconds.
 */
function runCli(inputFile: string, job: Job, reportCpu: boolean): Promise<{ lines: number; cpuMilliseconds: number }> {
  return new Promise((resolve, reject) => {
    const nodeOptions = reportCpu ? ['--import', REPORT_CPU] : [];
    const child = spawn(process.execPath, [...nodeOptions, CLI, ...JOB_ARGUMENTS[job](inputFile)], {
      stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    });
    let lines = 0;
    let cpu = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 0x0a) lines++;
    });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (cpu += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve({ lines, cpuMilliseconds: Number(cpu) / 1000 }) : reject(new Error(`CLI exited with ${code}`))));
  });
}

/** One CLI run over `inputFile`, checked to print a summary per article: its wall milliseconds. */
async function timeCli(inputFile: string, articles: number, job: Job): Promise<number> {
  const started = performance.now();
  const { lines } = await runCli(inputFile, job, false);
  const milliseconds = performance.now() - started;
  if (lines !== articles) throw new Error(`CLI printed ${lines} summaries for ${articles} articles`);
  return milliseconds;
}

/** One CLI run over `inputFile` that reports the CPU milliseconds its process used. */
async function cpuOfCli(inputFile: string, job: Job): Promise<number> {
  return (await runCli(inputFile, job, true)).cpuMilliseconds;
}

/** One node-summarizer pass over the articles. */
async function timeNodeSummarizer(articles: readonly KeyPointsArticle[]): Promise<Run> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const article of articles) await new SummarizerManager(article.text, 3).getSummaryByRank();
  const { user, system } = process.cpuUsage(cpuBefore);
  return { milliseconds: performance.now() - started, cpuMilliseconds: (user + system) / 1000 };
}

/** The fastest of RUNS turns of each, taken in alternation; the CLI's CPU time in runs of its own between them. */
async function timeBoth(articles: readonly KeyPointsArticle[]): Promise<{ gazette: Timing; keyPointsOnly: Timing; nodeSummarizer: Timing }> {
  const folder = await mkdtemp(join(tmpdir(), 'gazette-bench-'));
  try {
    const inputFile = join(folder, 'articles.jsonl');
    await writeFile(inputFile, articles.map(({ id, text }) => `${JSON.stringify({ id, text })}\n`).join(''));
    const ours: Record<Job, number[]> = { whole: [], keyPointsOnly: [] };
    const oursCpu: Record<Job, number[]> = { whole: [], keyPointsOnly: [] };
    const theirs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const job of JOBS) ours[job].push(await timeCli(inputFile, articles.length, job));
      theirs.push(await timeNodeSummarizer(articles));
      for (const job of JOBS) oursCpu[job].push(await cpuOfCli(inputFile, job));
    }
    const fastestTheirs = Math.min(...theirs.map((run) => run.milliseconds));
    const leastTheirCpu = Math.min(...theirs.map((run) => run.cpuMilliseconds));
    const ourTiming = (job: Job) => timing(articles.length, Math.min(...ours[job]), Math.min(...oursCpu[job]));
    return {
      gazette: ourTiming('whole'),
      keyPointsOnly: ourTiming('keyPointsOnly'),
      nodeSummarizer: timing(articles.length, fastestTheirs, leastTheirCpu),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const { positionals } = parseBenchArguments({ allowPositionals: true, options: {} }, 'usage: node dist/bench/summarize.js [KEYPOINTS.jsonl]   (default ../shared/eval/keypoints-dev.jsonl)');
const file = positionals[0] ?? '../shared/eval/keypoints-dev.jsonl';
if (!existsSync(file)) {
  console.error(`${file}: no such file. Pass the path of a keypoints file ({"id","text",…} per line), such as shared/eval/keypoints-dev.jsonl.`);
  process.exit(2);
}
const articles = await readKeyPointsFile(file);
const { gazette, keyPointsOnly, nodeSummarizer } = await timeBoth(articles);
const speedups = (ours: Timing) => ({
  speedup: Math.round((10 * ours.articlesPerSecond) / nodeSummarizer.articlesPerSecond) / 10,
  cpuSpeedup: Math.round((10 * nodeSummarizer.cpuSeconds) / ours.cpuSeconds) / 10,
});
const command = (job: Job) => `node dist/src/cli/main.js ${JOB_ARGUMENTS[job]('FILE').join(' ')}`;
console.log(JSON.stringify({
  articles: articles.length,
  gazette: { command: command('whole'), fastestOf: RUNS, ...gazette },
  nodeSummarizer: { call: 'new SummarizerManager(text, 3).getSummaryByRank()', fastestOf: RUNS, ...nodeSummarizer },
  ...speedups(gazette),
  keyPointsOnly: { command: command('keyPointsOnly'), fastestOf: RUNS, ...keyPointsOnly, ...speedups(keyPointsOnly) },
}, null, 2));
