import { Command, InvalidArgumentError } from 'commander';
import { ExitCode } from './exit-codes.js';
import { VERSION } from './version.js';

/** Each command loads its module only when run, so `summarize` never pays for MJML or nodemailer. */
function lazy<T extends unknown[]>(load: () => Promise<{ run: (...args: T) => Promise<number | void> }>) {
  return async (...args: T) => {
    const { run } = await load();
    process.exitCode = (await run(...args)) ?? ExitCode.ok;
  };
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return number;
}

export function createProgram(): Command {
  const program = new Command('gazette')
    .description('Turn a folder of Markdown articles into a weekly email digest.')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  program
    .command('build')
    .description('summarize one week of articles and render the issue into out/<week>/')
    .option('--articles <dir>', 'folder of Markdown articles (config: articles)')
    .option('--templates <dir>', 'theme folder (config: templates)')
    .option('--out <dir>', 'output folder (config: out)')
    .option('--config <file>', 'config file (default: gazette.config.json or .yaml in the current folder)')
    .option('--from <date>', 'first day of the issue, YYYY-MM-DD')
    .option('--to <date>', 'last day of the issue, YYYY-MM-DD')
    .option('--week <week>', 'ISO week of the issue, e.g. 2024-W05')
    .option('--drafts', 'include articles marked draft')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print the result as JSON on stdout')
    .action(lazy(() => import('./commands/build.js')));

  program
    .command('summarize')
    .description("print an article's key points and quotes, or summarize JSON lines")
    .argument('[file]', 'Markdown article with front matter')
    .option('--jsonl <file>', 'read {"id","text"} objects, one per line ("-" for stdin); write one result per line')
    .option('--points <n>', 'number of key points', positiveInteger)
    .option('--all-quotes', 'list every direct quotation, not only the notable ones')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/summarize.js')));

  program
    .command('new')
    .description('write a new article with front matter into the articles folder')
    .argument('<title>', 'title of the article')
    .option('--articles <dir>', 'folder of Markdown articles (config: articles)')
    .option('--date <date>', 'date of the article, YYYY-MM-DD (default: today)')
    .option('--json', 'print the path as JSON')
    .action(lazy(() => import('./commands/new.js')));

  program
    .command('init')
    .description('set up a workspace: config, articles/ and the default theme in templates/')
    .argument('[dir]', 'folder to set up', '.')
    .option('--json', 'print what was created as JSON')
    .action(lazy(() => import('./commands/init.js')));

  return program;
}
