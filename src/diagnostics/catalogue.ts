import type { Severity } from '../types.js';

/** The groups of `gazette check`, in the order they run and print. */
export const CHECK_GROUPS = ['size', 'mime', 'dkim', 'links', 'accessibility', 'axe', 'html', 'clients', 'content', 'spam'] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

/** The stages and inputs the other diagnostics come from, in the order `docs/diagnostics.md` lists them. */
export const INPUT_GROUPS = ['request', 'input', 'config', 'articles', 'issue', 'theme', 'summarize', 'subscribers', 'store', 'unsubscribe', 'send', 'preview'] as const;
export type InputGroup = (typeof INPUT_GROUPS)[number];

export type DiagnosticGroup = CheckGroup | InputGroup;

export interface CatalogueEntry {
  /**
   * Where the problem is. `request` means what was asked for (an option, an argument, an
   * environment variable) is wrong, not the files: the CLI exits with its usage code for these.
   */
  group: DiagnosticGroup;
  /** The severity `diagnostic()` and `finding()` give when the caller does not choose one. */
  severity: Severity;
  /** What the rule finds, in one line. */
  summary: string;
  /** What the user does about it. */
  fix: string;
}

/**
 * Every rule id Gazette can report, with its group, default severity, summary and fix. Ids
 * ending in `/*` are families: a diagnostic's id names the member (`html-validate/no-dup-id`).
 * `docs/check-rules.md` (the check groups) and `docs/diagnostics.md` (the rest) explain each
 * one; a test keeps them in step with this table.
 */
export const CATALOGUE = {
  // What was asked for: options, arguments and environment.
  'cli/missing-argument': { group: 'request', severity: 'error', summary: 'a required argument is missing', fix: 'Give the argument the command asks for (see the command\'s help).' },
  'cli/port': { group: 'request', severity: 'error', summary: 'a port that is not a whole number from 0 to 65535', fix: 'Give a port from 1 to 65535, or 0 to let the system pick a free one.' },
  'cli/field': { group: 'request', severity: 'error', summary: 'a subscriber field not written as name=value', fix: 'Write each field as name=value.' },
  'cli/address': { group: 'request', severity: 'error', summary: 'an email address given on the command line is not a valid address', fix: 'Give one plain address, like ann@example.com.' },
  'cli/summarize-input': { group: 'request', severity: 'error', summary: 'summarize given an article file and a file of JSON lines at once', fix: 'Summarize one article file, or one file of JSON lines, not both.' },
  'cli/list': { group: 'request', severity: 'error', summary: 'a send given two lists at once: a CSV list and the subscriber store', fix: 'Name the recipients with one of them: a CSV list, or the subscriber store (the default).' },
  'cli/resend-in-flight': { group: 'request', severity: 'error', summary: 'resending deliveries in doubt asked for outside a resumed send', fix: 'Ask for it only when resuming a send.' },
  'window/invalid-date': { group: 'request', severity: 'error', summary: 'a date asked for (first or last day, a new article\'s date) is not a real YYYY-MM-DD day', fix: 'Write the date as YYYY-MM-DD, a day that exists (2024-02-29, not 2023-02-29).' },
  'window/invalid-week': { group: 'request', severity: 'error', summary: 'a week that is not an ISO week like 2024-W05, or one the year does not have', fix: 'Write the week as YYYY-Www; only some years have a week 53.' },
  'window/invalid-range': { group: 'request', severity: 'error', summary: 'the first day of the window is after its last day', fix: 'Swap the two dates, or give only one (a window of seven days).' },
  'window/conflicting-options': { group: 'request', severity: 'error', summary: 'a week asked for together with a first or last day', fix: 'Ask for a week, or for a range of days, not both.' },
  'send/no-list': { group: 'request', severity: 'error', summary: 'a resumed send of an issue that was never started', fix: 'Name the recipients (a CSV list or the subscriber store) to start the send.' },
  'send/test-address': { group: 'request', severity: 'error', summary: 'the address for a test copy is not a valid address', fix: 'Give one plain address to send the test copy to.' },
  'smtp/missing': { group: 'request', severity: 'error', summary: 'no SMTP server to send through', fix: 'Give an SMTP URL (the smtp option, GAZETTE_SMTP_URL or the config\'s smtp), or write the messages to a folder as a dry run.' },
  'smtp/url': { group: 'request', severity: 'error', summary: 'the SMTP URL given as an option or in GAZETTE_SMTP_URL is not a usable smtp:// or smtps:// URL', fix: 'Write it as smtp://user:password@host:port (smtps:// for TLS from the start); escape a literal % as %25.' },
  'preview/remote': { group: 'request', severity: 'error', summary: 'the preview asked to listen on an address other computers can reach', fix: 'Keep the preview on 127.0.0.1, or allow remote access explicitly if that is what you want.' },

  // Any text file Gazette reads.
  'input/not-utf8': { group: 'input', severity: 'warning', summary: 'a file that is not valid UTF-8 was read as Windows-1252', fix: 'Check its accented letters and save it as UTF-8.' },
  'output/unwritable': { group: 'input', severity: 'error', summary: 'the output cannot be written (a full disk, a closed file)', fix: 'Free space on the disk, or write the output somewhere else.' },
  'input/nul-bytes': { group: 'input', severity: 'warning', summary: 'a text file holds NUL bytes, which were removed', fix: 'Make sure it is a text file; save it again without the NUL bytes.' },

  'config/unreadable': { group: 'config', severity: 'error', summary: 'the config file cannot be read', fix: 'Check that the file exists and can be read.' },
  'config/syntax': { group: 'config', severity: 'error', summary: 'the config file is not valid JSON or YAML', fix: 'Fix the syntax at the line and column given.' },
  'config/invalid': { group: 'config', severity: 'error', summary: 'a config field has a value Gazette cannot use', fix: 'Correct the field named, as the message says.' },
  'config/unknown-field': { group: 'config', severity: 'warning', summary: 'a config field Gazette does not know, ignored', fix: 'Correct the spelling (the message suggests the closest known field) or remove it.' },
  'config/smtp-url': { group: 'config', severity: 'error', summary: 'the config\'s smtp is not a usable smtp:// or smtps:// URL', fix: 'Write it as smtp://user:password@host:port (smtps:// for TLS from the start); escape a literal % as %25.' },

  'articles/unreadable': { group: 'articles', severity: 'error', summary: 'the articles folder or an article cannot be read', fix: 'Check that it exists and can be read.' },
  'articles/not-read': { group: 'articles', severity: 'warning', summary: 'a file in the articles folder that looks like an article but is not named .md', fix: 'Rename it to .md to include it, or start its name with _ to keep it aside.' },
  'articles/duplicate-slug': { group: 'articles', severity: 'error', summary: 'two articles with the same name once the extension is dropped', fix: 'Rename one of them.' },
  'articles/future-date': { group: 'articles', severity: 'warning', summary: 'an article dated after today, which does not choose the default issue', fix: 'Check the date for a typo; leave it if the article is scheduled.' },
  'article/unreadable': { group: 'articles', severity: 'error', summary: 'the article file to summarize cannot be read', fix: 'Check that the file exists and can be read.' },
  'article/exists': { group: 'articles', severity: 'error', summary: 'a new article would overwrite one with the same date and title', fix: 'Choose another title or date, or edit the existing article.' },
  'front-matter/missing': { group: 'articles', severity: 'error', summary: 'an article without a front matter block, or with an empty one', fix: 'Start the file with a block between --- lines holding at least title and date.' },
  'front-matter/yaml': { group: 'articles', severity: 'error', summary: 'the front matter is not valid YAML', fix: 'Fix the YAML at the line given; quote values that hold a colon.' },
  'front-matter/shape': { group: 'articles', severity: 'error', summary: 'the front matter is not a set of field: value lines', fix: 'Write one field: value per line.' },
  'front-matter/required': { group: 'articles', severity: 'error', summary: 'a required front matter field (title, date) is missing', fix: 'Add the field named.' },
  'front-matter/invalid': { group: 'articles', severity: 'error', summary: 'a front matter field has a value Gazette cannot use', fix: 'Correct the field as the message says (a date is YYYY-MM-DD, a url absolute http(s), an image needs image_alt).' },
  'front-matter/unknown-field': { group: 'articles', severity: 'warning', summary: 'a front matter field Gazette does not know, ignored', fix: 'Correct the spelling or remove it.' },

  // Collecting articles from the web (`add`): one per URL, the URL as the place.
  'collect/invalid-url': { group: 'request', severity: 'error', summary: 'a URL to collect that is not an http or https address', fix: 'Give the full address of the page or feed, starting with https://.' },
  'collect/articles-folder': { group: 'articles', severity: 'error', summary: 'the articles folder cannot be made or used (a file is in its place, or no permission)', fix: 'Make the articles folder (config articles) a folder, or move the file in its way.' },
  'collect/since': { group: 'request', severity: 'error', summary: 'a window of feed items that is not a number of days, of weeks or a date', fix: 'Write it as 7d, 2w or a date, YYYY-MM-DD.' },
  'collect/network': { group: 'articles', severity: 'error', summary: 'a page or feed that cannot be reached: no such host, connection refused or reset', fix: 'Check the address; try again later if the site is down.' },
  'collect/timeout': { group: 'articles', severity: 'error', summary: 'a page or feed that did not arrive in time', fix: 'Try again later, or allow more time.' },
  'collect/too-large': { group: 'articles', severity: 'error', summary: 'a page or feed larger than the size allowed', fix: 'Save the article by hand; such a page is rarely one article.' },
  'collect/not-html': { group: 'articles', severity: 'error', summary: 'an address that gives something other than a web page or a feed (a PDF, an image), or a feed where a page was expected', fix: 'Save what a PDF or image says as an article by hand; add a feed as a feed.' },
  'collect/http-status': { group: 'articles', severity: 'error', summary: 'the server answered with an error status (404, 500…)', fix: 'Check the address in a browser; try again later for a server error.' },
  'collect/redirects': { group: 'articles', severity: 'error', summary: 'too many redirects, a redirect loop, or a redirect to an address that is not http(s)', fix: 'Open the address in a browser and collect the page it ends on.' },
  'collect/robots': { group: 'articles', severity: 'error', summary: 'the site\'s robots.txt asks crawlers not to fetch the page, or could not be read', fix: 'Respect it, or ask the site\'s owner; ignore robots.txt only for a site you may crawl.' },
  'collect/not-article': { group: 'articles', severity: 'error', summary: 'a page with no readable article: too little text, or no title', fix: 'Check that the address is the article itself, not an index or a home page; else write the article by hand.' },
  'collect/paywalled': { group: 'articles', severity: 'error', summary: 'a page that shows only a paywalled teaser', fix: 'Write the article by hand from a copy you may use, or leave it out.' },
  'collect/not-feed': { group: 'articles', severity: 'error', summary: 'the address given as a feed is not an RSS, Atom or JSON feed, nor a page that names one', fix: 'Give the feed\'s own address (often /feed, /rss.xml or /atom.xml).' },
  'collect/duplicate': { group: 'articles', severity: 'info', summary: 'an article already collected from the same URL, skipped', fix: 'Nothing; replace it on purpose by forcing the collection.' },
  'collect/image-alt': { group: 'articles', severity: 'warning', summary: 'a collected article\'s lead image has no alt text, so it is written commented out', fix: 'Describe the image in image_alt and remove the # of both image lines.' },
  'collect/write': { group: 'articles', severity: 'error', summary: 'a collected article cannot be written to the articles folder', fix: 'Check that the articles folder exists and can be written to.' },

  'issue/empty': { group: 'issue', severity: 'error', summary: 'no article falls in the issue\'s window', fix: 'Choose a week or range of days that holds articles, or add articles dated in it.' },

  'theme/missing-layout': { group: 'theme', severity: 'error', summary: 'the theme folder has no layout.mjml', fix: 'Add layout.mjml (templates/ in the Gazette repository is an example), or point templates at a theme.' },
  'theme/duplicate-partial': { group: 'theme', severity: 'error', summary: 'two partials with the same name and different extensions (quote.hbs and quote.mjml)', fix: 'Rename one: {{> name}} cannot tell them apart (a text partial as <name>-text.hbs).' },
  'template/syntax': { group: 'theme', severity: 'error', summary: 'a Handlebars syntax error in a theme template', fix: 'Fix the template at the line and column given.' },
  'template/missing-partial': { group: 'theme', severity: 'error', summary: 'a template calls a partial the theme does not have', fix: 'Add partials/<name>.mjml or correct the name.' },
  'template/unknown-variable': { group: 'theme', severity: 'warning', summary: 'a template uses a variable the digest does not have', fix: 'Correct the name; the message lists what exists.' },
  'template/render': { group: 'theme', severity: 'error', summary: 'a template failed while rendering (a helper or block given the wrong thing)', fix: 'Fix the template at the place given.' },
  'template/recipient-block': { group: 'theme', severity: 'error', summary: 'a {{{{recipient}}}} block that does not compile on its own (it runs once per recipient)', fix: 'Make the block complete in itself: close every helper it opens inside it, use only subscriber fields and unsubscribe_url.' },
  'mjml/invalid': { group: 'theme', severity: 'warning', summary: 'MJML markup that is not closed properly or that MJML rejects', fix: 'Fix the tag at the line given.' },

  'jsonl/not-utf8': { group: 'summarize', severity: 'warning', summary: 'a line of the JSONL input has bytes that are not UTF-8, summarized with U+FFFD in their place', fix: 'Save the file as UTF-8 (or UTF-16 with a byte order mark).' },
  'jsonl/parse': { group: 'summarize', severity: 'error', summary: 'a line of the JSONL input is not an article object', fix: 'Write one JSON object per line with the article\'s text.' },
  'jsonl/too-long': { group: 'summarize', severity: 'error', summary: 'an article of the JSONL input is longer than the summarizer takes (5,000,000 characters)', fix: 'Split the text, or summarize the part that matters.' },
  'jsonl/unreadable': { group: 'summarize', severity: 'error', summary: 'the JSONL file cannot be read', fix: 'Check that the file exists and can be read.' },

  'subscribers/unreadable': { group: 'subscribers', severity: 'error', summary: 'the subscriber list cannot be read', fix: 'Check that the file exists and can be read.' },
  'subscribers/encoding': { group: 'subscribers', severity: 'error', summary: 'the subscriber list is not valid in its encoding', fix: 'Save it as UTF-8 (a spreadsheet\'s "CSV UTF-8" format).' },
  'subscribers/csv': { group: 'subscribers', severity: 'error', summary: 'the subscriber list is not valid CSV', fix: 'Fix the quoting at the line given.' },
  'subscribers/empty': { group: 'subscribers', severity: 'error', summary: 'the subscriber list is empty', fix: 'Start it with a line naming the columns, e.g. email,name.' },
  'subscribers/no-email-column': { group: 'subscribers', severity: 'error', summary: 'the subscriber list has no email column', fix: 'Name the columns on the first line, email among them.' },
  'subscribers/missing-column': { group: 'subscribers', severity: 'error', summary: 'the templates use subscriber fields the list has no column for', fix: 'Add the columns, or remove the fields from subscriber_fields.' },
  'subscribers/nul-character': { group: 'subscribers', severity: 'warning', summary: 'a row with a NUL character (U+0000) in a field, skipped', fix: 'Remove the NUL characters from the list (it may not be a text file, or was exported wrongly).' },
  'subscribers/invalid-address': { group: 'subscribers', severity: 'warning', summary: 'a row whose address is not valid, skipped', fix: 'Correct the address in the list.' },
  'subscribers/duplicate': { group: 'subscribers', severity: 'warning', summary: 'a row that repeats an earlier address, skipped', fix: 'Remove the repeated row.' },
  'subscribers/not-found': { group: 'subscribers', severity: 'error', summary: 'the address to remove is not in the subscriber store', fix: 'Check the address.' },
  'subscribers/not-suppressed': { group: 'subscribers', severity: 'error', summary: 'the address to take off the suppression list is not on it', fix: 'Check the address against the suppression list.' },

  'store/unreadable': { group: 'store', severity: 'error', summary: 'the state database cannot be opened', fix: 'Check the file and its folder can be read and written.' },
  'store/busy': { group: 'store', severity: 'error', summary: 'the state database stayed locked by another process past the busy timeout', fix: 'Try again once the other Gazette process (a send, an import, serve) has let go of it.' },
  'store/newer': { group: 'store', severity: 'error', summary: 'the state database was written by a newer Gazette', fix: 'Upgrade Gazette.' },
  'store/corrupt': { group: 'store', severity: 'error', summary: 'the state database is not a database, or is damaged (cut short, overwritten)', fix: 'Restore the file from a backup; or move it aside and re-import the subscribers, since the send ledgers and suppressions in it are lost.' },
  'store/invalid-url': { group: 'store', severity: 'error', summary: 'the store looks like a URL but is not a PostgreSQL URL Gazette can read', fix: 'Write the store as a file path, or as postgres://user:password@host:port/database with the special characters of the user name and password percent-encoded.' },
  'store/foreign-schema': { group: 'store', severity: 'error', summary: 'the PostgreSQL database holds tables Gazette did not make, or lacks ones it made', fix: 'Give Gazette an empty database of its own (createdb), or restore the one it made from a backup.' },
  'store/unreachable': { group: 'store', severity: 'error', summary: 'the PostgreSQL store cannot be reached, or its database does not exist', fix: 'Check the URL (host, port, database name), that the server is running and lets this machine in (pg_hba.conf, firewall).' },
  'store/postgres-login': { group: 'store', severity: 'error', summary: 'the PostgreSQL store refused the user or password', fix: 'Check the user and password in the URL (or PGPASSWORD), and that pg_hba.conf lets this user log in from this machine.' },
  'store/read-only': { group: 'store', severity: 'error', summary: 'the state database (or its folder) cannot be written by this user, and the command writes', fix: 'Give the user running Gazette write access to the file, its -wal and -shm files and its folder (check chattr, the owner, a read-only mount).' },

  'unsubscribe/no-url': { group: 'unsubscribe', severity: 'error', summary: 'no unsubscribe URL configured (a warning in build, an error in send)', fix: 'Set unsubscribe.url, or base_url, in the config.' },
  'unsubscribe/no-secret': { group: 'unsubscribe', severity: 'error', summary: 'no secret to sign unsubscribe links with', fix: 'Set the secret\'s environment variable (unsubscribe.secret_env) or unsubscribe.secret, 16 characters or more.' },
  'unsubscribe/weak-secret': { group: 'unsubscribe', severity: 'error', summary: 'the unsubscribe secret is shorter than 16 characters', fix: 'Use a longer secret.' },
  'subscribe/no-url': { group: 'unsubscribe', severity: 'error', summary: 'the sign-up form is on (an SMTP server is configured) but no public URL is known for its confirmation links', fix: 'Set subscribe.url, or unsubscribe.url or base_url, in the config.' },
  'serve/listen': { group: 'unsubscribe', severity: 'error', summary: 'gazette serve cannot listen on its port and host', fix: 'Choose another port (0 picks a free one) or a host address this machine has, or stop what holds the port.' },

  'send/no-issue': { group: 'send', severity: 'error', summary: 'the issue to send or check has not been built, or no issue is built', fix: 'Build the issue first, or name one that is built.' },
  'send/bad-issue': { group: 'send', severity: 'error', summary: 'the built issue\'s email.json is not one Gazette wrote', fix: 'Build the issue again.' },
  'send/already-started': { group: 'send', severity: 'error', summary: 'the issue was already sent (or its send started)', fix: 'Resume the send to reach the rest of the list; nobody gets it twice.' },
  'send/locked': { group: 'send', severity: 'error', summary: 'another send of the same issue holds its lease and is alive; nothing was sent', fix: 'Wait for that send to finish, or stop it; once its holder is gone, resume to send what is left.' },
  'send/other-build': { group: 'send', severity: 'error', summary: 'a sender joining a send on a shared store has another build of the issue, another From or another unsubscribe secret than the sender that began it; nothing was sent', fix: 'Build the same issue from the same articles, config and secret on every machine that sends it (copy out/ from the first), then start this sender again.' },
  'send/lease-lost': { group: 'send', severity: 'error', summary: 'a send lost its lease (it was stopped, or cut off from a PostgreSQL store, longer than the lease timeout) and stopped before its next message', fix: 'Nothing to undo: the run that took over, or the other senders, send the rest; check that they finished, and resume the send if they did not. Do not suspend a running send.' },
  'send/no-recipients': { group: 'send', severity: 'error', summary: 'the list has no recipient left to send to; nothing was sent or recorded', fix: 'Check the list: the message says which rows were left out and why.' },
  'send/test-failed': { group: 'send', severity: 'error', summary: 'the server refused the test copy', fix: 'Read the server\'s reply in the message.' },
  'smtp/auth': { group: 'send', severity: 'error', summary: 'the SMTP server refused the user name or password', fix: 'Check the credentials in the SMTP URL.' },
  'smtp/connect': { group: 'send', severity: 'error', summary: 'the SMTP server cannot be reached or refused the connection', fix: 'Check the host and port, and that the server is up.' },
  'dkim/unreadable': { group: 'send', severity: 'error', summary: 'the DKIM key file cannot be read', fix: 'Check dkim.key_file in the config.' },
  // The email's footer (issue 10).
  'send/no-address': { group: 'send', severity: 'error', summary: 'a send to a list (or its dry run) without the sender\'s postal address in the config; a test copy is allowed', fix: 'Set address in the config: the postal address shown in every footer, as bulk-mail law and the big mailbox providers require.' },

  // Bounces and complaints (gazette bounces).
  'cli/bounces-source': { group: 'request', severity: 'error', summary: 'gazette bounces asked to read files and a mailbox at once, or given mailbox options without a mailbox', fix: 'Name files, or a mailbox URL with its options, not both.' },
  'bounces/imap-url': { group: 'request', severity: 'error', summary: 'the IMAP URL to read bounces from is not a usable imap:// or imaps:// URL', fix: 'Write it as imap://user:password@host:port (imaps:// for TLS); escape a literal % as %25.' },
  'bounces/unreadable': { group: 'send', severity: 'error', summary: 'a file of bounces cannot be read', fix: 'Check that the file exists and can be read.' },
  'bounces/not-email': { group: 'send', severity: 'error', summary: 'a file, or a message in an mbox or mailbox, is not an email message', fix: 'Give .eml files or an mbox; the message names the file and the message number.' },
  'bounces/unknown-delivery': { group: 'send', severity: 'warning', summary: 'a bounce names no delivery in this store: its return path is not one this store used, or (without one) it quotes no address and Message-ID of a copy this store sent; another workspace\'s, or forged; nothing was recorded', fix: 'Check that the bounce mailbox belongs to this workspace; otherwise ignore it.' },
  'bounces/unrecognised': { group: 'send', severity: 'warning', summary: 'a message in the bounce mailbox is not a bounce, complaint or automatic reply Gazette can read; nothing was recorded', fix: 'Read it yourself: it may be a person writing back.' },
  'bounces/imap': { group: 'send', severity: 'error', summary: 'the IMAP mailbox cannot be read: the server cannot be reached, refused the login, or has no such mailbox', fix: 'Check the host, port, user name, password and mailbox name.' },
  'bounces/imap-move': { group: 'send', severity: 'warning', summary: 'bounces were recorded but could not be flagged, moved or deleted in the mailbox', fix: 'Nothing is lost: reading the mailbox again records nothing twice. Check the folder to move to and the account\'s rights.' },

  'preview/bad-request': { group: 'preview', severity: 'error', summary: 'the preview page sent a request the server cannot read', fix: 'Reload the preview page.' },
  'preview/test-address': { group: 'preview', severity: 'error', summary: 'no address given for the preview\'s test copy', fix: 'Type an address to send the test copy to.' },
  'preview/not-built': { group: 'preview', severity: 'error', summary: 'a test copy asked for while the issue does not build', fix: 'Fix the build errors the preview shows first.' },
  'preview/send-failed': { group: 'preview', severity: 'error', summary: 'the preview\'s test copy could not be sent', fix: 'Read the reason in the message; check the SMTP settings.' },
  'preview/build-failed': { group: 'preview', severity: 'error', summary: 'the preview\'s build failed unexpectedly', fix: 'Report it with the message: it is a bug in Gazette.' },
  'preview/listen': { group: 'preview', severity: 'error', summary: 'the preview server cannot listen on its port', fix: 'Choose another port (0 picks a free one), or stop what holds it.' },
  'preview/offline': { group: 'preview', severity: 'error', summary: 'the preview page cannot reach its server', fix: 'Start the preview again.' },

  // The published site (site/): web editions, archive and feeds, kept in step by gazette build.
  'site/lost-manifest': { group: 'issue', severity: 'error', summary: 'the site\'s issues.json is missing although issues were published to the site', fix: 'Restore issues.json from a backup or from what you uploaded; to number issues afresh, move the published issue folders out of the site folder first.' },
  'site/bad-manifest': { group: 'issue', severity: 'error', summary: 'the site\'s issues.json is not one Gazette wrote', fix: 'Restore issues.json from a backup or from what you uploaded; delete it only if issue numbers may start again from the config\'s issue_number.' },
  'site/locked': { group: 'issue', severity: 'error', summary: 'another build held the site for too long', fix: 'Wait for the other build to finish; if none is running, delete the lock file named in the message.' },
  'site/folder': { group: 'config', severity: 'error', summary: 'the site folder overlaps the private out folder, the workspace, or its articles or templates', fix: 'Give the site a folder of its own (config site), beside out, never inside it or around it.' },
  'site/no-base-url': { group: 'config', severity: 'warning', summary: 'no base_url: the site is written without feeds or absolute links', fix: 'Set base_url in the config to the address site/ is published at.' },
  'site/recipient-field': { group: 'theme', severity: 'warning', summary: 'the theme shows a per-recipient field on the web edition, where it is left empty', fix: 'Wrap it in {{#unless web}}…{{/unless}} in the theme, as the default theme does.' },

  // gazette check: see docs/check-rules.md.
  'html/size': { group: 'size', severity: 'error', summary: 'HTML over max_html_bytes (Gmail clips at about 102 KB), naming the largest contributors', fix: 'Shorten the issue (fewer or shorter articles) or trim the theme\'s styles.' },

  'mime/alternative': { group: 'mime', severity: 'warning', summary: 'the message is multipart/alternative with a text/plain and a text/html part', fix: 'Give the theme a text template.' },
  'mime/alt-diff': { group: 'mime', severity: 'warning', summary: "the text part carries the HTML's words (SpamAssassin's MPART_ALT_DIFF)", fix: 'Make the theme\'s text template carry the same content as its HTML.' },
  'mime/line-length': { group: 'mime', severity: 'error', summary: 'no line longer than 998 characters (RFC 5322)', fix: 'Report it: Gazette\'s message composer should fold such lines.' },
  'mime/crlf': { group: 'mime', severity: 'error', summary: 'every line ends in CRLF (RFC 5322, SMTP)', fix: 'Report it: Gazette\'s message composer should write CRLF.' },
  'mime/date': { group: 'mime', severity: 'error', summary: 'one valid Date header', fix: 'Report it: the composer sets Date.' },
  'mime/message-id': { group: 'mime', severity: 'error', summary: 'one Message-ID of the form <local@domain>', fix: 'Check the From address\'s domain, which the Message-ID uses.' },
  'mime/from': { group: 'mime', severity: 'error', summary: 'exactly one From header with one address', fix: 'Set from in the config to one address.' },
  'mime/list-unsubscribe': { group: 'mime', severity: 'error', summary: 'List-Unsubscribe with an https URL (RFC 2369, RFC 8058)', fix: 'Set unsubscribe.url (or base_url) to an https URL.' },
  'mime/list-unsubscribe-post': { group: 'mime', severity: 'error', summary: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058)', fix: 'Set unsubscribe.url (or base_url) to an https URL.' },
  'mime/list-id': { group: 'mime', severity: 'warning', summary: 'a List-Id header (RFC 2919)', fix: 'Set list_id in the config.' },

  'dkim/key': { group: 'dkim', severity: 'error', summary: 'the configured DKIM key can be read and used', fix: 'Point dkim.key_file at a PEM private key.' },
  'dkim/verify': { group: 'dkim', severity: 'error', summary: 'the DKIM signature verifies against the configured key', fix: 'Check dkim.domain, dkim.selector and the key.' },
  'dkim/list-unsubscribe-signed': { group: 'dkim', severity: 'error', summary: 'the signature covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)', fix: 'Sign with Gazette\'s own DKIM settings, which include both headers.' },
  'dkim/alignment': { group: 'dkim', severity: 'warning', summary: "the signing domain aligns with the From address's domain (DMARC)", fix: 'Sign with the From address\'s domain, or a parent of it.' },

  'html/relative-url': { group: 'links', severity: 'error', summary: 'links are absolute http(s) or mailto (or #fragments); images are http(s) or cid', fix: 'Set base_url in the config, or write absolute URLs.' },
  'html/unresolved-token': { group: 'links', severity: 'error', summary: 'no per-recipient field left unfilled in the HTML', fix: 'Give every subscriber field the theme uses a value (subscriber_fields, the list\'s columns).' },
  'html/unsafe': { group: 'links', severity: 'error', summary: 'no script, form, frame, event handler or javascript:/data: URL in the HTML', fix: 'Remove it from the theme.' },
  'link/empty-text': { group: 'links', severity: 'warning', summary: 'every link has a name: text, an image with alt, aria-label or title', fix: 'Give the link text, or its image alt text.' },
  'link/utm': { group: 'links', severity: 'warning', summary: 'with utm configured, links to base_url carry utm_source, utm_medium and utm_campaign', fix: 'Build links with the theme\'s utm helper.' },
  'link/unsubscribe': { group: 'links', severity: 'error', summary: 'the HTML has an unsubscribe link', fix: 'Link to {{unsubscribe_url}} in the theme\'s footer.' },

  'a11y/lang': { group: 'accessibility', severity: 'warning', summary: '<html lang> is set and not "und"', fix: 'Set lang on <mjml>.' },
  'a11y/img-alt': { group: 'accessibility', severity: 'error', summary: 'every image has an alt attribute', fix: 'Set image_alt in the article\'s front matter, or alt in the theme.' },
  'a11y/img-alt-empty': { group: 'accessibility', severity: 'warning', summary: 'content images (not spacers) have non-empty alt text', fix: 'Describe the image in its alt text.' },
  'a11y/layout-table': { group: 'accessibility', severity: 'warning', summary: 'layout tables (no th or caption) have role="presentation"', fix: 'Add role="presentation" to the table.' },

  'axe/*': { group: 'axe', severity: 'warning', summary: 'axe-core violations in Chromium (colour contrast and the WCAG A/AA rules the static rules do not cover)', fix: 'Fix the element as axe\'s message says (for contrast, darken the text or lighten its background).' },

  'html-validate/*': { group: 'html', severity: 'warning', summary: 'html-validate with the email rule set of docs/check-rules.md', fix: 'Fix the markup at the line given.' },

  'clients/css': { group: 'clients', severity: 'info', summary: 'CSS features that some major email clients do not support (Can I Email data)', fix: 'Nothing, when the feature is an enhancement; otherwise use a widely supported one.' },

  'content/image-only': { group: 'content', severity: 'warning', summary: 'an email of images with little text (SpamAssassin HTML_IMAGE_ONLY_*)', fix: 'Add text: summaries, captions.' },
  'content/postal-address': { group: 'content', severity: 'warning', summary: 'no postal address in the footer (CAN-SPAM asks for one in commercial email)', fix: 'Set address in the config: the postal address of the sender, lines separated by newlines.' },
  'content/subject-caps': { group: 'content', severity: 'warning', summary: 'a subject in capitals (SpamAssassin SUBJ_ALL_CAPS)', fix: 'Write the subject in sentence case.' },

  'spam/score': { group: 'spam', severity: 'warning', summary: "SpamAssassin's offline score reaches its spam threshold", fix: 'Look at the rules that added the most (spam/rule) and fix those first.' },
  'spam/rule': { group: 'spam', severity: 'info', summary: 'a SpamAssassin rule that added to the score', fix: 'Nothing, unless the score is near the threshold.' },
} as const satisfies Record<string, CatalogueEntry>;

export type CatalogueId = keyof typeof CATALOGUE;
/** Ids ending in `/*`: a diagnostic names one member (`axe/color-contrast`). */
export type FamilyId = Extract<CatalogueId, `${string}/*`>;
/** The ids a diagnostic can carry: every plain id, and any member of a family. */
export type RuleId = Exclude<CatalogueId, FamilyId> | (FamilyId extends `${infer Prefix}/*` ? `${Prefix}/${string}` : never);

/** The catalogue entry of a diagnostic's rule id (a family's, for a member), or undefined for an id Gazette does not know. */
export function catalogueEntry(rule: string): CatalogueEntry | undefined {
  if (Object.hasOwn(CATALOGUE, rule)) return CATALOGUE[rule as CatalogueId];
  const family = `${rule.slice(0, rule.indexOf('/'))}/*`;
  return Object.hasOwn(CATALOGUE, family) ? CATALOGUE[family as CatalogueId] : undefined;
}

/** Whether a group is one of `gazette check`'s (its rules are explained in `docs/check-rules.md`). */
export function isCheckGroup(group: DiagnosticGroup): group is CheckGroup {
  return (CHECK_GROUPS as readonly string[]).includes(group);
}

/** Whether a rule is about what was asked for (an option or argument), not about the files. */
export function isRequestRule(rule: string): boolean {
  return catalogueEntry(rule)?.group === 'request';
}
