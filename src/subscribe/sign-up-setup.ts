import type { IncomingMessage } from 'node:http';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { readDkimKey } from '../message/dkim.js';
import type { Route } from '../serve/server.js';
import { parseSmtpUrl, redactSecret, type SmtpServer } from '../send/smtp-url.js';
import type { SubscriberStore } from '../subscribers/subscriber-store.js';
import { unsubscribeEndpoint } from '../unsubscribe/endpoint.js';
import type { Workspace } from '../workspace/resolve.js';
import { confirmEndpoint, subscribeEndpoint } from './endpoints.js';
import { smtpNoticeMailer, type NoticeMailer } from './notice-mailer.js';
import { loadNoticeTemplate } from './notice-template.js';
import { subscribeRoutes } from './routes.js';
import type { SignUpAttempts } from './sign-up-attempts.js';
import { SignUpLimits } from './sign-up-limits.js';
import { SignUps, type SignUpsOptions } from './sign-ups.js';

export interface SignUpSetupOptions {
  workspace: Workspace;
  store: SubscriberStore;
  attempts: SignUpAttempts;
  /** An SMTP URL given for this run; otherwise GAZETTE_SMTP_URL, then the config's smtp. */
  smtp?: string;
  clientAddress: (request: IncomingMessage) => string;
  onNotice?: SignUpsOptions['onNotice'];
  now?: () => Date;
}

export interface SignUpSide {
  signUps: SignUps;
  routes: Route[];
  subscribeUrl: URL;
  confirmUrl: URL;
  /** The templates in use, theme's or default. */
  templates: string[];
  /** Null when the SMTP server takes a connection and the credentials; otherwise why not (no password in it). */
  checkServer(): Promise<string | null>;
  close(): void;
}

/**
 * Everything the sign-up side needs, checked before `gazette serve` listens: the SMTP server to
 * send confirmations through, the public URLs, and the confirmation (and welcome) templates
 * compiled and tried. Null when no SMTP server is configured: then serve runs the unsubscribe
 * endpoint alone, as before sign-ups existed.
 */
export async function prepareSignUps(options: SignUpSetupOptions): Promise<SignUpSide | null> {
  const { workspace } = options;
  const { config } = workspace;
  const server = smtpServer(options.smtp, workspace);
  if (!server) return null;
  if (!workspace.secret.ok) throw new GazetteError(workspace.secret.problems);
  const subscribeUrl = subscribeEndpoint(config);
  if (!subscribeUrl) {
    throw new GazetteError([
      diagnostic('subscribe/no-url', 'confirmation links need a public address: set subscribe.url (or unsubscribe.url, or base_url) in the config', {
        file: workspace.configFile ?? undefined,
        field: 'subscribe.url',
      }),
    ]);
  }
  const confirmUrl = confirmEndpoint(subscribeUrl);
  const confirmTemplate = await loadNoticeTemplate('confirm', workspace.templatesDir);
  const welcomeTemplate = config.subscribe.welcome ? await loadNoticeTemplate('welcome', workspace.templatesDir) : null;
  const mailer: NoticeMailer = smtpNoticeMailer(server, { from: config.from, replyTo: config.reply_to, listId: config.list_id, dkim: await readDkimKey(workspace) });
  const secret = workspace.secret.value;
  const signUps = new SignUps({
    store: options.store,
    limits: new SignUpLimits(options.attempts, { perAddress: config.subscribe.max_per_address, perIp: config.subscribe.max_per_ip }, secret, options.now),
    mailer,
    confirmTemplate,
    welcomeTemplate,
    newsletter: config.name,
    secret,
    confirmEndpoint: confirmUrl,
    unsubscribeEndpoint: unsubscribeEndpoint(config),
    confirmDays: config.subscribe.confirm_days,
    now: options.now,
    // A server's reply may echo the address, or the password: neither goes to the log.
    onNotice: (event) => options.onNotice?.({ ...event, ...(event.error ? { error: redactSecret(event.error, server).replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>') } : {}) }),
  });
  return {
    signUps,
    routes: subscribeRoutes({ newsletter: config.name, signUps, subscribeUrl, confirmUrl, clientAddress: options.clientAddress }),
    subscribeUrl,
    confirmUrl,
    templates: [confirmTemplate.file, ...(welcomeTemplate ? [welcomeTemplate.file] : [])],
    checkServer: () =>
      mailer.verify().then(
        () => null,
        (error: unknown) => redactSecret((error as Error).message, server),
      ),
    close: () => mailer.close(),
  };
}

function smtpServer(flag: string | undefined, workspace: Workspace): SmtpServer | null {
  if (flag) return parseSmtpUrl(flag, { field: 'smtp' });
  if (workspace.env.GAZETTE_SMTP_URL) return parseSmtpUrl(workspace.env.GAZETTE_SMTP_URL, { field: 'GAZETTE_SMTP_URL' });
  if (workspace.config.smtp) return parseSmtpUrl(workspace.config.smtp, { field: 'smtp', file: workspace.configFile ?? undefined });
  return null;
}

