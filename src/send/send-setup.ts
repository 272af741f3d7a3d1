import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type GazetteConfig, type LoadedConfig } from '../config.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { unsubscribeEndpoint, unsubscribeSecret } from '../unsubscribe/endpoint.js';
import { loadBuiltIssue, type BuiltIssue } from './built-issue.js';
import type { Deliverer } from './deliverer.js';
import { classifyFailure } from './delivery-error.js';
import { emlDeliverer } from './eml-deliverer.js';
import { createMessageFactory, type MessageFactory } from './recipient-message.js';
import { smtpDeliverer, type DkimKey } from './smtp-deliverer.js';
import { describeSmtpServer, parseSmtpUrl, redactSecret, type SmtpServer } from './smtp-url.js';

/** Where a send goes and what it sends: shared by a whole send and a `--test` copy. */
export interface SendTarget {
  /** Workspace folder (default: the current folder). */
  root?: string;
  /** Config file instead of the workspace's gazette.config.*. */
  config?: string;
  /** Issue slug under out/; default: the newest one built. */
  issue?: string;
  /** `smtp(s)://user:pass@host:port`; default: GAZETTE_SMTP_URL, then the config's smtp. */
  smtp?: string;
  /** Write .eml files to this folder instead of sending. */
  dryRun?: string;
  concurrency?: number;
  /** Environment to read GAZETTE_SMTP_URL and the unsubscribe secret from. */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface SendSetup {
  loaded: LoadedConfig;
  issue: BuiltIssue;
  compose: MessageFactory;
  /** Null for a dry run. */
  server: SmtpServer | null;
  /** How the destination is shown: the server without its password, or the dry-run folder. */
  destination: string;
  dkim: DkimKey | null;
  now: () => Date;
  /** A path as shown to people: relative to the working folder. */
  shown: (file: string) => string;
}

/** Everything checked before a message goes anywhere: config, issue, secret, server URL, DKIM key. */
export async function prepareSend(options: SendTarget, subjectPrefix = ''): Promise<SendSetup> {
  const root = path.resolve(options.root ?? '.');
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const loaded = await loadConfig(root, options.config);
  const { config } = loaded;
  const configFile = loaded.file ? shown(loaded.file) : undefined;
  const issue = await loadBuiltIssue(path.resolve(loaded.root, config.out), options.issue, shown);
  const endpoint = unsubscribeEndpoint(config);
  if (!endpoint) {
    throw new GazetteError([
      diagnostic('unsubscribe/no-url', 'every message needs an unsubscribe link: set unsubscribe.url (or base_url) in the config', { file: loaded.file ?? undefined, field: 'unsubscribe.url' }),
    ]);
  }
  const server = options.dryRun ? null : smtpServer(options.smtp, env, config, configFile);
  const compose = createMessageFactory({
    email: { ...issue.email, subject: `${subjectPrefix}${issue.email.subject}` },
    from: config.from,
    replyTo: config.reply_to,
    listId: config.list_id,
    unsubscribeEndpoint: endpoint,
    unsubscribeMailto: config.unsubscribe.mailto,
    secret: unsubscribeSecret(config, env),
    subscriberFields: config.subscriber_fields,
    now,
  });
  return {
    loaded,
    issue,
    compose,
    server,
    destination: server ? describeSmtpServer(server) : shown(path.resolve(root, options.dryRun ?? '.')),
    dkim: await dkimKey(loaded),
    now,
    shown,
  };
}

/** Opens the destination and proves it works (credentials included) before anything is planned. */
export async function openDeliverer(setup: SendSetup, options: SendTarget): Promise<Deliverer> {
  const concurrency = options.concurrency ?? setup.loaded.config.send.concurrency;
  const deliverer = setup.server
    ? smtpDeliverer(setup.server, { connections: concurrency, dkim: setup.dkim })
    : emlDeliverer(path.resolve(options.root ?? '.', options.dryRun ?? '.'));
  try {
    await deliverer.verify();
  } catch (error) {
    deliverer.close();
    const reply = redactSecret(classifyFailure(error).reply, setup.server);
    const rule = (error as { code?: string }).code === 'EAUTH' ? 'smtp/auth' : 'smtp/connect';
    throw new GazetteError([diagnostic(rule, `cannot send through ${setup.destination}: ${reply}`)]);
  }
  return deliverer;
}

function smtpServer(flag: string | undefined, env: NodeJS.ProcessEnv, config: GazetteConfig, configFile: string | undefined): SmtpServer {
  if (flag) return parseSmtpUrl(flag, { field: 'smtp' });
  if (env.GAZETTE_SMTP_URL) return parseSmtpUrl(env.GAZETTE_SMTP_URL, { field: 'GAZETTE_SMTP_URL' });
  if (config.smtp) return parseSmtpUrl(config.smtp, { field: 'smtp', file: configFile });
  throw new GazetteError([diagnostic('smtp/missing', 'no SMTP server to send through', { field: 'smtp' })]);
}

async function dkimKey(loaded: LoadedConfig): Promise<DkimKey | null> {
  const dkim = loaded.config.dkim;
  if (!dkim) return null;
  const file = path.resolve(loaded.root, dkim.key_file);
  try {
    return { domain: dkim.domain, selector: dkim.selector, privateKey: await readFile(file, 'utf8') };
  } catch (error) {
    throw new GazetteError([diagnostic('dkim/unreadable', `cannot read the DKIM key: ${(error as Error).message}`, { file, field: 'dkim.key_file' })]);
  }
}
