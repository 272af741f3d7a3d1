import { ExitCode } from '../exit-codes.js';
import { weekWindow } from '../../issue/window.js';
import type { BuildOutcome } from '../../preview/builds.js';
import { isLoopback } from '../../preview/host-check.js';
import { openBrowser } from '../../preview/open-browser.js';
import { DEFAULT_HOST, DEFAULT_PORT, startPreviewServer } from '../../preview/server.js';
import { parsePort } from '../port.js';
import { paint, printDiagnostics, shownDiagnostics, shownPath } from '../terminal.js';

interface PreviewFlags {
  port?: string;
  host?: string;
  allowRemote?: boolean;
  open?: boolean;
  week?: string;
  drafts?: boolean;
  config?: string;
  articles?: string;
  templates?: string;
  out?: string;
  json?: boolean;
}

export async function run(flags: PreviewFlags): Promise<number> {
  const port = parsePort(flags.port, DEFAULT_PORT);
  const host = flags.host ?? DEFAULT_HOST;
  // A mistyped week is a usage error now, not a build error in the page later.
  if (flags.week) weekWindow(flags.week);
  const out = process.stdout;
  const color = paint(out);
  const log = (event: Record<string, unknown>, line: string) => out.write(flags.json ? `${JSON.stringify(event)}\n` : `${line}\n`);
  const time = () => color('dim', new Date().toLocaleTimeString());

  const report = (outcome: BuildOutcome, files: string[]) => {
    const changed = files.length > 0 ? ` after ${files.map((file) => shownPath(file)).join(', ')} changed` : '';
    if (outcome.ok) {
      const { week, warnings, checks } = outcome.snapshot;
      const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
      const problems = [checks.counts.error > 0 && plural(checks.counts.error, 'check error'), warnings.length + checks.counts.warning > 0 && plural(warnings.length + checks.counts.warning, 'warning')].filter(Boolean);
      const note = problems.length > 0 ? color(checks.counts.error > 0 ? 'red' : 'yellow', ` (${problems.join(', ')})`) : '';
      const findings = shownDiagnostics(checks.findings.filter((finding) => finding.severity !== 'info'));
      log({ event: 'built', week, ok: true, warnings: shownDiagnostics(warnings), checks: findings }, `${time()} ${color('green', 'built')} ${week}${changed}${note}`);
    } else {
      log({ event: 'built', ok: false, errors: shownDiagnostics(outcome.errors) }, `${time()} ${color('red', 'build failed')}${changed}; the page shows the errors:`);
      if (!flags.json) printDiagnostics(outcome.errors);
    }
  };

  const server = await startPreviewServer({
    root: process.cwd(),
    config: flags.config,
    articles: flags.articles,
    templates: flags.templates,
    out: flags.out,
    week: flags.week,
    drafts: flags.drafts,
    host,
    allowRemote: flags.allowRemote,
    port,
    onRebuild: (outcomes, files) => outcomes.forEach((outcome) => report(outcome, files)),
    onWatchError: (error) => process.stderr.write(`gazette preview: watching failed: ${error.message}\n`),
  });

  if (!isLoopback(host)) {
    process.stderr.write(
      `gazette preview: ${paint(process.stderr)('yellow', 'warning')}: listening on ${host}, so other computers on the network can open this preview ` +
        'and read the workspace files it serves (never the config, keys, lists or the state database); stop it when you are done\n',
    );
  }
  report(server.first, []);
  log({ event: 'listening', url: server.url }, `Previewing at ${color('bold', server.url)}  ${color('dim', '(Ctrl-C to stop)')}`);
  if (flags.open) {
    const problem = await openBrowser(server.url);
    if (problem) process.stderr.write(`gazette preview: ${problem}; open ${server.url} yourself\n`);
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    // `once`: a second Ctrl-C while closing falls through to Node's default and ends the process.
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  log({ event: 'stopped', signal }, 'Stopped.');
  return ExitCode.ok;
}
