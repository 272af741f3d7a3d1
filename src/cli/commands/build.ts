import { buildDigest, issueFiles, writeIssue, type BuildOptions } from '../../build.js';
import { plural } from '../../render/helpers.js';
import { printDiagnostics, paint, progressBar, shownDiagnostics, shownPath } from '../terminal.js';

interface BuildFlags extends Omit<BuildOptions, 'root' | 'onArticle' | 'now'> {
  json?: boolean;
}

export async function run(flags: BuildFlags): Promise<number> {
  const { json, ...options } = flags;
  let progress = null as ReturnType<typeof progressBar> | null;
  const result = await buildDigest({
    ...options,
    onArticle: (_article, _index, total) => {
      progress ??= progressBar(json ? 0 : total, 'Summarizing');
      progress.tick();
    },
  });
  progress?.stop();
  const outDir = await writeIssue(result);
  const shownDir = shownPath(outDir);

  if (json) {
    process.stdout.write(`${JSON.stringify({ outDir: shownDir, ...result.digest, warnings: shownDiagnostics(result.digest.warnings) }, null, 2)}\n`);
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
  process.stdout.write(`${color('green', 'Wrote')} ${shownDir}/ (${Object.keys(issueFiles(result)).join(', ')})\n`);
  return 0;
}
