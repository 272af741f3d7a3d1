import { createReadStream, fstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { diagnostic, GazetteError, hasErrors } from '../../diagnostics/diagnostic.js';
import { fileErrorReason } from '../../load/file-error.js';
import type { JsonlProgress } from '../../summarize/jsonl.js';
import type { Diagnostic } from '../../types.js';
import { ExitCode } from '../exit-codes.js';
import { printDiagnostics, progressBar } from '../terminal.js';

interface SummarizeFlags {
  jsonl?: string;
  points?: number;
  allQuotes?: boolean;
  /** `false` with `--no-quotes`. */
  quotes?: boolean;
  json?: boolean;
}

export async function run(file: string | undefined, flags: SummarizeFlags): Promise<number> {
  if (flags.jsonl !== undefined && file !== undefined) {
    throw new GazetteError([diagnostic('cli/summarize-input', `give an article file or --jsonl, not both (got ${file} and --jsonl ${flags.jsonl})`)]);
  }
  if (flags.jsonl === '') throw new GazetteError([diagnostic('cli/missing-argument', 'give --jsonl a file, or - for standard input')]);
  if (flags.jsonl !== undefined) return summarizeLines(flags.jsonl, flags);
  if (!file) throw new GazetteError([diagnostic('cli/missing-argument', 'give an article file, or --jsonl FILE')]);
  return summarizeArticleFile(file, flags);
}

async function summarizeLines(file: string, flags: SummarizeFlags): Promise<number> {
  const { summarizeJsonl } = await import('../../summarize/jsonl.js');
  const inputName = file === '-' ? '<stdin>' : file;
  const unreadable = (error: Error) => new GazetteError([diagnostic('jsonl/unreadable', `cannot read: ${fileErrorReason(error)}`, { file: inputName })]);
  // Standard input redirected from a folder reads as empty: say so, as for a folder named by path.
  if (file === '-' && isFolderOnStandardInput()) throw unreadable(Object.assign(new Error('illegal operation on a directory'), { code: 'EISDIR' }));
  const input = file === '-' ? process.stdin : createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    else input.once('open', () => resolve()).once('error', reject);
  });
  await opened.catch((error: Error) => {
    throw unreadable(error);
  });
  const progress = await batchProgress(file);
  let skipped = 0;
  const report = (problem: Diagnostic) => {
    progress.clear();
    printDiagnostics([{ ...problem, file: problem.file ?? inputName }]);
    // A warning's line is summarized all the same; an error's is skipped.
    if (problem.severity !== 'error') return;
    skipped += 1;
    // Said at once: a run cut short (`| head`) still exits saying lines were skipped.
    process.exitCode = ExitCode.problems;
  };
  // A file that opens may still fail to read (a directory, a device): that is the input's problem.
  await summarizeJsonl(input, process.stdout, { points: flags.points, allQuotes: flags.allQuotes, quotes: flags.quotes, onProgress: progress.update, onProblem: report })
    .catch((error: NodeJS.ErrnoException) => {
      throw error.syscall === 'read' ? unreadable(error) : error;
    })
    .finally(progress.stop);
  return skipped > 0 ? ExitCode.problems : ExitCode.ok;
}

// A batch summarizes hundreds of articles a second: the bar is redrawn at most this often.
const REDRAW_MILLISECONDS = 100;

/** `done/total` in megabytes, or in kilobytes for a file under one megabyte; a file that grows while read counts what is read. */
function bytesDone(done: number, total: number): string {
  const whole = Math.max(done, total);
  const [size, unit] = whole >= 1e6 ? [1e6, 'MB'] : [1e3, 'kB'];
  return `${(done / size).toFixed(1)}/${(whole / size).toFixed(1)} ${unit}`;
}

/** Whether standard input is redirected from a folder (`< notes/`), which reads as empty rather than failing. */
function isFolderOnStandardInput(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/** The size of the input in bytes when it is a file (standard input too, redirected from one); 0 when not known. */
async function inputSize(file: string): Promise<number> {
  const stats = await (file === '-' ? Promise.resolve().then(() => fstatSync(0)) : stat(file)).catch(() => null);
  return stats?.isFile() ? stats.size : 0;
}

/**
 * Progress of a batch on a terminal, by bytes of the file read (the number of lines is not known
 * until the end), with the articles summarized so far: while the summaries go to a file or a pipe
 * (on the terminal they show the progress themselves, and the bar would break their lines). None
 * for input that is not a file (a pipe: its size is not known), nor when standard error is not a terminal.
 */
async function batchProgress(file: string) {
  const total = process.stdout.isTTY ? 0 : await inputSize(file);
  const bar = progressBar(total, 'Summarizing', process.stderr, bytesDone);
  let drawnAt = -Infinity;
  return {
    update: ({ articles, bytesRead }: JsonlProgress) => {
      const now = performance.now();
      if (now - drawnAt < REDRAW_MILLISECONDS) return;
      drawnAt = now;
      bar.update(bytesRead, `${articles} article${articles === 1 ? '' : 's'}`);
    },
    /** Clears the bar for a line of its own; the next update draws it again. */
    clear: () => {
      bar.stop();
      drawnAt = -Infinity;
    },
    stop: () => bar.stop(),
  };
}

async function summarizeArticleFile(file: string, flags: SummarizeFlags): Promise<number> {
  const [{ parseArticle }, { summarizeText }, { readTextFile }] = await Promise.all([
    import('../../load/articles.js'),
    import('../../summarize/index.js'),
    import('../../load/text-file.js'),
  ]);
  const read = await readTextFile(file).catch((error: Error) => {
    throw new GazetteError([diagnostic('article/unreadable', `cannot read: ${fileErrorReason(error)}`, { file })]);
  });
  const parsed = parseArticle({ file, content: read.text });
  const { article } = parsed;
  const diagnostics = [...read.diagnostics, ...parsed.diagnostics];
  if (!article || hasErrors(diagnostics)) throw new GazetteError(diagnostics);
  printDiagnostics(diagnostics);
  const summary = summarizeText(article.text, { title: article.title, points: flags.points, allQuotes: flags.allQuotes, quotes: flags.quotes });
  const keyPoints = article.keyPoints ?? summary.keyPoints;
  const quotes = flags.quotes === false ? [] : (article.quotes ?? summary.quotes);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ file, title: article.title, keyPoints, quotes }, null, 2)}\n`);
    return 0;
  }
  const lines = [article.title, '', 'Key points:', ...keyPoints.map((point) => `  - ${point}`)];
  if (quotes.length > 0) {
    lines.push('', 'Quotes:');
    for (const quote of quotes) {
      const who = [quote.speaker ?? 'unattributed', quote.role].filter(Boolean).join(', ');
      lines.push(`  “${quote.text}”`, `      — ${who}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
