import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { addFeed, addPages, firstDaySince, type AddReport, type AddResult } from '../../collect/add.js';
import { Fetcher } from '../../collect/fetcher.js';
import { localDate } from '../../issue/calendar.js';
import { assertDate } from '../../issue/window.js';
import { resolveWorkspace } from '../../workspace/resolve.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printDiagnostics, shownDiagnostics, shownPath } from '../terminal.js';
import { VERSION } from '../version.js';

interface AddFlags {
  config?: string;
  articles?: string;
  feed?: string;
  date?: string;
  tags?: string;
  draft?: boolean;
  force?: boolean;
  since?: string;
  limit?: number;
  timeout?: number;
  delay?: number;
  ignoreRobots?: boolean;
  json?: boolean;
}

export async function run(urls: string[], flags: AddFlags): Promise<number> {
  if (urls.length === 0 && flags.feed === undefined) throw new GazetteError([diagnostic('cli/missing-argument', 'give the URL of one or more pages, or --feed URL')]);
  const { articlesDir } = await resolveWorkspace({ config: flags.config, articles: flags.articles });
  const today = localDate(new Date());
  const date = flags.date === undefined ? undefined : assertDate(flags.date, 'date');
  const since = flags.since === undefined ? undefined : (firstDaySince(flags.since, today) ?? undefined);
  if (flags.since !== undefined && since === undefined) {
    throw new GazetteError([diagnostic('collect/since', `must be a number of days (7d), of weeks (2w) or a date, got "${flags.since}"`, { field: '--since' })]);
  }
  const fetcher = new Fetcher({
    userAgent: `Gazette/${VERSION} (newsletter article collector; reads robots.txt; one request at a time per site)`,
    ignoreRobots: flags.ignoreRobots ?? false,
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout * 1000 }),
    ...(flags.delay === undefined ? {} : { hostDelayMs: flags.delay * 1000 }),
  });
  const options = {
    articlesDir,
    fetcher,
    today,
    date,
    tags: (flags.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    draft: flags.draft ?? false,
    force: flags.force ?? false,
  };
  const reports: AddReport[] = [];
  if (urls.length > 0) reports.push(await addPages(urls, options));
  if (flags.feed !== undefined) reports.push(await addFeed(flags.feed, { ...options, since, limit: flags.limit }));
  const results = reports.flatMap((report) => report.results);
  const problems = reports.flatMap((report) => report.diagnostics);
  const failed = problems.length > 0 || results.some((result) => result.status === 'failed');
  const feed = reports.find((report) => report.feed)?.feed;
  if (flags.json) printJson(results, problems, feed);
  else printText(results, problems, feed);
  return failed ? ExitCode.problems : ExitCode.ok;
}

function printText(results: readonly AddResult[], problems: AddReport['diagnostics'], feed: AddReport['feed']): void {
  const color = paint(process.stdout);
  for (const result of results) {
    if (result.status !== 'added') continue;
    const facts = [result.source, result.author, result.date, `${result.wordCount} words`].filter(Boolean).join(', ');
    const lines = [`${color('green', result.replaced ? 'Replaced' : 'Added')} ${shownPath(result.file)}`, `  ${result.title} (${facts})`, ...result.keyPoints.map((point) => `  - ${point}`)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  printDiagnostics([...problems, ...results.flatMap((result) => result.diagnostics)]);
  const count = (status: AddResult['status']) => results.filter((result) => result.status === status).length;
  const failed = count('failed') + problems.length;
  if (feed?.unlinked) process.stdout.write(`${feed.unlinked} feed item${feed.unlinked === 1 ? '' : 's'} without an http(s) link left out\n`);
  process.stdout.write(`${count('added')} added, ${count('skipped')} skipped, ${failed} failed\n`);
}

function printJson(results: readonly AddResult[], problems: AddReport['diagnostics'], feed: AddReport['feed']): void {
  const shown = results.map((result) => ({ ...result, ...('file' in result && result.file ? { file: shownPath(result.file) } : {}), diagnostics: shownDiagnostics(result.diagnostics) }));
  const ofStatus = (status: AddResult['status']) => shown.filter((result) => result.status === status);
  const report = { ok: problems.length === 0 && ofStatus('failed').length === 0, added: ofStatus('added'), skipped: ofStatus('skipped'), failed: ofStatus('failed'), ...(feed ? { feed } : {}), diagnostics: shownDiagnostics(problems) };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
