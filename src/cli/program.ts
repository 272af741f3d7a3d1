import { Command, InvalidArgumentError, Option } from 'commander';
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
  // Digits only: Number() also reads `0x10`, `1e3` and ` 3`, none of which a person means as a count.
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return number;
}

/** Seconds and the like: a number above zero, fractions allowed (`add --timeout 0.5`). */
export function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('must be a number above zero');
  return number;
}

export function nonNegativeNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new InvalidArgumentError('must be a number, zero or more');
  return number;
}

/** The workspace options every command that reads one shares, worded once. */
const workspaceOptions = {
  config: () => new Option('--config <file>', 'config file (default: gazette.config.json or .yaml in the current folder)'),
  out: () => new Option('--out <dir>', 'output folder (config: out)'),
  articles: () => new Option('--articles <dir>', 'folder of Markdown articles (config: articles)'),
  templates: () => new Option('--templates <dir>', 'theme folder (config: templates)'),
  store: () => new Option('--store <file-or-url>', 'the subscriber store: a SQLite file or a postgres:// URL (default: GAZETTE_STORE, then config store)'),
};

export function createProgram(): Command {
  const program = new Command('gazette')
    .description('Turn a folder of Markdown articles into a weekly email digest.')
    .version(VERSION)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  program
    .command('build')
    .description('summarize one week of articles, render the issue into out/<week>/ and publish its web edition, archive and feeds to site/')
    .addOption(workspaceOptions.articles())
    .addOption(workspaceOptions.templates())
    .addOption(workspaceOptions.out())
    .addOption(new Option('--site <dir>', 'published site folder: web editions, archive, feeds (config: site)'))
    .addOption(workspaceOptions.config())
    .option('--from <date>', 'first day of the issue, YYYY-MM-DD')
    .option('--to <date>', 'last day of the issue, YYYY-MM-DD')
    .option('--week <week>', 'ISO week of the issue, e.g. 2024-W05')
    .addOption(new Option('--all', 'build every week that has articles, oldest first').conflicts(['from', 'to', 'week']))
    .option('--drafts', 'include articles marked draft')
    .option('--strict', 'treat warnings as errors')
    .option('--json', 'print the result as JSON on stdout')
    .action(lazy(() => import('./commands/build.js')));

  program
    .command('summarize')
    .description("print an article's key points and quotes, or summarize JSON lines")
    .argument('[file]', 'Markdown article with front matter')
    .option('--jsonl <file>', 'read {"id","text"} objects, one per line ("-" for stdin); write one result per line')
    .option('--points <n>', 'key points: up to N, one fewer when sentences are long', positiveInteger)
    .option('--all-quotes', 'list every direct quotation, not only the notable ones')
    .addOption(new Option('--no-quotes', 'key points only: skip finding quotations and their speakers, most of the work').conflicts('allQuotes'))
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/summarize.js')));

  program
    .command('new')
    .description('write a new article with front matter into the articles folder')
    .argument('<title>', 'title of the article')
    .addOption(workspaceOptions.articles())
    .addOption(workspaceOptions.config())
    .option('--date <date>', 'date of the article, YYYY-MM-DD (default: today)')
    .option('--json', 'print the path as JSON')
    .action(lazy(() => import('./commands/new.js')));

  program
    .command('add')
    .description('collect articles from the web: fetch each page (or each new item of a feed), keep the readable article as Markdown with front matter')
    .argument('[urls...]', 'pages to add')
    .option('--feed <url>', 'RSS, Atom or JSON feed: add each item not yet in the articles folder')
    .option('--since <window>', 'with --feed: only items from the last 7d, 2w…, or since a date YYYY-MM-DD')
    .option('--limit <n>', 'with --feed: at most the n newest items', positiveInteger)
    .option('--date <date>', 'date of every added article, YYYY-MM-DD (default: the page\'s published date, else today)')
    .option('--tags <list>', 'comma-separated tags for every added article')
    .option('--draft', 'mark the added articles as drafts')
    .option('--force', 'replace an article already collected from the same URL instead of skipping it')
    .option('--timeout <seconds>', 'time allowed for each request (default: 15)', positiveNumber)
    .option('--delay <seconds>', 'pause between two requests to one site (default: 0.5; robots.txt may ask for more)', nonNegativeNumber)
    .option('--ignore-robots', "fetch pages the site's robots.txt asks crawlers to leave alone")
    .addOption(workspaceOptions.articles())
    .addOption(workspaceOptions.config())
    .option('--json', 'print what was added, skipped and failed as JSON')
    .action(lazy(() => import('./commands/add.js')));

  program
    .command('init')
    .description('set up a workspace: config, articles/ and the default theme in templates/')
    .argument('[dir]', 'folder to set up', '.')
    .option('--json', 'print what was created as JSON')
    .action(lazy(() => import('./commands/init.js')));

  program
    .command('send')
    .description('send a built issue to a mailing list over SMTP, recording each recipient in the send ledger')
    .option('--issue <slug>', 'issue to send, e.g. 2024-W05 (default: the one built last in out/)')
    .option('--list <file>', 'CSV list of recipients: an email column, optionally name and any other fields (default: the subscriber store)')
    .option('--store', "send to the subscriber store's confirmed subscribers (the default without --list)")
    .option('--smtp <url>', 'smtp://user:pass@host:port or smtps://… (default: GAZETTE_SMTP_URL, then config smtp)')
    .option('--rate <n>', 'at most n messages accepted in any one second (config: send.rate)', positiveInteger)
    .option('--concurrency <n>', 'SMTP connections: messages transmitted at once, and the most a killed send can leave in doubt (config: send.concurrency)', positiveInteger)
    .option('--dry-run <dir>', 'write each message as an .eml file in dir instead of sending')
    .option('--test <address>', 'send one copy, marked as a test, to this address; the ledger is not touched')
    .option('--resume', 'continue an interrupted send of the issue: everyone not yet sent to, exactly once')
    .option('--resend-in-flight', 'with --resume: also resend messages a killed run left in doubt (they may arrive twice)')
    .addOption(workspaceOptions.out())
    .addOption(workspaceOptions.config())
    .option('--json', 'print the summary as JSON on stdout')
    .action(lazy(() => import('./commands/send.js')));

  const subscribers = program
    .command('subscribers')
    .description('manage the subscriber store and see the suppression list (a SQLite file, default .gazette/state.db, or PostgreSQL: --store, GAZETTE_STORE, config store)');
  subscribers
    .command('import')
    .description('add or update every subscriber of a CSV list; bad rows are reported with their line numbers')
    .argument('<file>', 'CSV with an email column, optionally name and other fields')
    .addOption(workspaceOptions.config())
    .addOption(workspaceOptions.store())
    .option('--json', 'print the result as JSON')
    .action(lazy(() => import('./commands/subscribers.js').then((command) => ({ run: command.runImport }))));
  subscribers
    .command('add')
    .description('add or update one subscriber')
    .argument('<email>', 'address')
    .option('--name <name>', 'name to address them by')
    .option('--field <name=value>', 'another {{subscriber.*}} field; repeat for more', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(workspaceOptions.config())
    .addOption(workspaceOptions.store())
    .option('--json', 'print the result as JSON')
    .action(lazy(() => import('./commands/subscribers.js').then((command) => ({ run: command.runAdd }))));
  subscribers
    .command('remove')
    .description('forget a subscriber (an unsubscribed address stays on the suppression list)')
    .argument('<email>', 'address')
    .addOption(workspaceOptions.config())
    .addOption(workspaceOptions.store())
    .option('--json', 'print the result as JSON')
    .action(lazy(() => import('./commands/subscribers.js').then((command) => ({ run: command.runRemove }))));
  subscribers
    .command('list')
    .description('print the subscribers with their status (confirmed, pending, or why suppressed), then the counts')
    .option('--suppressed', 'print the suppression list (unsubscribed, bounced and complained addresses) instead')
    .option('--counts', 'print only the counts: confirmed, pending, unsubscribed, bounced, complained')
    .addOption(workspaceOptions.config())
    .addOption(workspaceOptions.store())
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/subscribers.js').then((command) => ({ run: command.runList }))));
  subscribers
    .command('unsuppress')
    .description('take an address off the suppression list (a bounce or complaint is lifted only this way)')
    .argument('<email>', 'address')
    .addOption(workspaceOptions.config())
    .addOption(workspaceOptions.store())
    .option('--json', 'print the result as JSON')
    .action(lazy(() => import('./commands/subscribers.js').then((command) => ({ run: command.runUnsuppress }))));

  program
    .command('bounces')
    .description('read bounces, complaints and automatic replies (.eml files, an mbox, or an IMAP mailbox) and suppress the addresses that bounce or complain')
    .argument('[files...]', '.eml files or mbox files holding the messages that came back to the return path')
    .option('--imap <url>', 'read a mailbox instead: imap://user:pass@host:port or imaps://…')
    .option('--mailbox <name>', 'with --imap: the mailbox to read (default: INBOX)')
    .option('--delete', 'with --imap: delete each message once it is recorded (default: flag it seen)')
    .option('--move-to <name>', 'with --imap: move each message to this mailbox once it is recorded')
    .addOption(workspaceOptions.config())
    .option('--json', 'print the counts and each message\'s result as JSON')
    .action(lazy(() => import('./commands/bounces.js')));

  program
    .command('serve')
    .description('run the unsubscribe endpoint (RFC 8058 one-click) and, with an SMTP server, the double opt-in sign-up form')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8025')
    .option('--host <address>', 'address to listen on; keep the default behind a reverse proxy', '127.0.0.1')
    .option('--smtp <url>', 'SMTP server for confirmation emails (default: GAZETTE_SMTP_URL, then config smtp; none: no sign-up form)')
    .option('--trust-proxy', "count sign-ups by the client address a reverse proxy appends to X-Forwarded-For")
    .addOption(workspaceOptions.config())
    .addOption(workspaceOptions.store())
    .option('--json', 'log one JSON object per line')
    .action(lazy(() => import('./commands/serve.js')));

  program
    .command('check')
    .description('audit a built issue before sending: size, MIME and list headers, DKIM, links, accessibility, HTML, client support, spam')
    .argument('[issue]', 'issue slug in the output folder, e.g. 2024-W05 (default: the latest built)')
    .addOption(workspaceOptions.out())
    .addOption(workspaceOptions.config())
    .option('--verbose', 'also print the notes: each client-support gap and SpamAssassin rule')
    .option('--json', 'print the report as JSON on stdout')
    .action(lazy(() => import('./commands/check.js')));

  program
    .command('preview')
    .description('serve a live-reloading preview of the issue: widths, dark mode, text part, sources, headers and checks')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4000')
    .option('--host <address>', 'address to listen on; anything but loopback also needs --allow-remote', '127.0.0.1')
    .option('--allow-remote', 'allow a --host other computers can reach (0.0.0.0, a LAN address); prints a warning')
    .option('--open', 'open the preview in the default browser')
    .option('--week <week>', 'ISO week to show first, e.g. 2024-W05 (default: the week gazette build takes)')
    .option('--drafts', 'include articles marked draft')
    .addOption(workspaceOptions.articles())
    .addOption(workspaceOptions.templates())
    .addOption(workspaceOptions.out())
    .addOption(workspaceOptions.config())
    .option('--json', 'log one JSON object per line: listening, each build, stopped')
    .action(lazy(() => import('./commands/preview.js')));

  return program;
}
