import path from 'node:path';
import { buildAllIssues, buildIssue, issueFiles, type BuildOptions, type PublishedBuild } from '../../build.js';
import { plural } from '../../render/helpers.js';
import { printDiagnostics, paint, progressBar, shownDiagnostics, shownPath } from '../terminal.js';

interface BuildFlags extends Omit<BuildOptions, 'root' | 'onArticle' | 'now' | 'webEdition'> {
  json?: boolean;
  all?: boolean;
}

export async function run(flags: BuildFlags): Promise<number> {
  const { json, all, ...options } = flags;
  return all ? runAll(options, Boolean(json)) : runOne(options, Boolean(json));
}

async function runOne(options: BuildOptions, json: boolean): Promise<number> {
  let progress = null as ReturnType<typeof progressBar> | null;
  const built = await buildIssue({
    ...options,
    onArticle: (_article, _index, total) => {
      progress ??= progressBar(json ? 0 : total, 'Summarizing');
      progress.tick();
    },
  });
  progress?.stop();
  const { result } = built;

  if (json) {
    process.stdout.write(`${JSON.stringify({ outDir: shownPath(built.outDir), site: siteSummary(built), ...result.digest, warnings: shownDiagnostics(result.digest.warnings) }, null, 2)}\n`);
    return 0;
  }
  const color = paint(process.stdout);
  const { issue, articles } = result.digest;
  const count = articles.length;
  process.stdout.write(`${color('bold', issue.title)} (${issue.slug}, ${issue.from} to ${issue.to}): ${count} article${count === 1 ? '' : 's'}\n`);
  for (const article of articles) {
    const quotes = article.quotes.length;
    process.stdout.write(
      `  ${article.date}  ${article.title}  ${color('dim', `${plural(article.keyPoints.length, 'key point')}, ${plural(quotes, 'quote')}`)}\n`,
    );
  }
  printDiagnostics(result.diagnostics);
  process.stdout.write(`${color('green', 'Wrote')} ${shownPath(built.outDir)}/ (${Object.keys(issueFiles(result)).join(', ')}): private, never upload it\n`);
  process.stdout.write(`${color('green', 'Published')} ${publishedLine(built)}\n`);
  return 0;
}

async function runAll(options: Omit<BuildOptions, 'from' | 'to' | 'week'>, json: boolean): Promise<number> {
  const color = paint(process.stdout);
  let progress = null as ReturnType<typeof progressBar> | null;
  const built = await buildAllIssues({
    ...options,
    onWeek: (week, index, total) => {
      progress ??= progressBar(json ? 0 : total, 'Building', process.stderr, (done) => `${done}/${total}`);
      progress.update(index, week);
    },
  });
  progress?.stop();
  const last = built.at(-1)!;

  if (json) {
    const issues = built.map(({ result, outDir, site }) => ({
      ...result.digest.issue,
      articles: result.digest.articles.length,
      outDir: shownPath(outDir),
      page: shownPath(site.issueDir),
      warnings: shownDiagnostics(result.digest.warnings),
    }));
    process.stdout.write(`${JSON.stringify({ issues, site: siteSummary(last) }, null, 2)}\n`);
    return 0;
  }
  for (const { result, outDir } of built) {
    const { issue, articles } = result.digest;
    process.stdout.write(`  ${issue.slug}  ${color('bold', issue.title)}  ${color('dim', `${plural(articles.length, 'article')} → ${shownPath(outDir)}/`)}\n`);
    printDiagnostics(result.diagnostics);
  }
  process.stdout.write(`${color('green', 'Built')} ${plural(built.length, 'issue')} into ${shownPath(path.dirname(last.outDir))}/ (private, never upload it)\n`);
  process.stdout.write(`${color('green', 'Published')} ${publishedLine(last)}\n`);
  return 0;
}

function siteSummary(built: PublishedBuild) {
  return {
    dir: shownPath(built.site.dir),
    page: shownPath(path.join(built.site.issueDir, 'index.html')),
    number: built.result.digest.issue.number,
    issues: built.site.issues.map((issue) => issue.slug),
    files: built.site.files,
  };
}

function publishedLine(built: PublishedBuild): string {
  const dir = shownPath(built.site.dir);
  const listed = built.site.issues.length;
  return `${shownPath(built.site.issueDir)}/ as issue ${built.result.digest.issue.number}; the archive and feeds list ${plural(listed, 'issue')}: upload ${dir}/`;
}
