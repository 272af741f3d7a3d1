import path from 'node:path';
import type { GazetteConfig } from '../config.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { readDkimKey } from '../message/dkim.js';
import { createMimeTemplate } from '../message/mime-template.js';
import { createRecipientCopies } from '../message/recipient-message.js';
import { returnPathOptions } from '../message/return-path.js';
import { unsubscribeEndpoint } from '../unsubscribe/endpoint.js';
import { resolveWorkspace, type Workspace, type WorkspaceOptions } from '../workspace/resolve.js';
import { loadBuiltIssue, type BuiltIssue } from '../output/built-issue.js';
import type { Deliverer } from './deliverer.js';
import { classifyFailure } from './delivery-error.js';
import { emlDeliverer } from './eml-deliverer.js';
import { templatePreparer, type MessagePreparer } from './prepared-message.js';
import { smtpDeliverer } from './smtp-deliverer.js';
import { describeSmtpServer, parseSmtpUrl, redactSecret, type SmtpServer } from './smtp-url.js';

/** Where a send goes and what it sends: shared by a whole send and a `--test` copy. */
export interface SendTarget extends WorkspaceOptions {
  /** The workspace already resolved (the preview's); otherwise resolved from the options. */
  workspace?: Workspace;
  /** Issue slug under out/; default: the newest one built. */
  issue?: string;
  /** `smtp(s)://user:pass@host:port`; default: GAZETTE_SMTP_URL, then the config's smtp. */
  smtp?: string;
  /** Write .eml files to this folder (relative to the workspace) instead of sending. */
  dryRun?: string;
  concurrency?: number;
  now?: () => Date;
}

export interface SendSetup {
  workspace: Workspace;
  issue: BuiltIssue;
  /** Builds each recipient's message from the issue's MIME template. */
  prepare: MessagePreparer;
  /** Null for a dry run. */
  server: SmtpServer | null;
  /** The `--dry-run` folder (absolute), or null when sending. */
  dryRunDir: string | null;
  /** Where messages go, as people see it: the server without its password, or the dry-run folder. */
  destination: string;
  now: () => Date;
}

/**
 * Who a send reaches: a list (bulk mail, dry runs included, as they rehearse one) or the
 * editor's own test copy.
 */
export type SendAudience = 'list' | 'test';

/** Everything checked before a message goes anywhere: config, issue, secret, server URL, DKIM key. */
export async function prepareSend(options: SendTarget, subjectPrefix = '', audience: SendAudience = 'list'): Promise<SendSetup> {
  const workspace = options.workspace ?? (await resolveWorkspace(options));
  const { config, configFile } = workspace;
  const now = options.now ?? (() => new Date());
  const issue = await loadBuiltIssue(workspace.outDir, options.issue);
  const endpoint = unsubscribeEndpoint(config);
  if (!endpoint) {
    throw new GazetteError([
      diagnostic('unsubscribe/no-url', 'every message needs an unsubscribe link: set unsubscribe.url (or base_url) in the config', { file: configFile ?? undefined, field: 'unsubscribe.url' }),
    ]);
  }
  // Bulk-mail law (CAN-SPAM) and Gmail's and Yahoo's sender rules ask every message to a list for the sender's postal address.
  if (audience === 'list' && !config.address) {
    throw new GazetteError([
      diagnostic('send/no-address', 'mail to a list must carry the sender\'s postal address in its footer: set address in the config', { file: configFile ?? undefined, field: 'address' }),
    ]);
  }
  const dryRunDir = options.dryRun === undefined ? null : path.resolve(workspace.root, options.dryRun);
  const server = dryRunDir ? null : smtpServer(options.smtp, workspace.env, config, configFile ?? undefined);
  if (!workspace.secret.ok) throw new GazetteError(workspace.secret.problems);
  const email = { ...issue.email, subject: `${subjectPrefix}${issue.email.subject}` };
  const copyFor = createRecipientCopies({
    email,
    from: config.from,
    replyTo: config.reply_to,
    listId: config.list_id,
    unsubscribeEndpoint: endpoint,
    unsubscribeMailto: config.unsubscribe.mailto,
    secret: workspace.secret.value,
    subscriberFields: config.subscriber_fields,
    now,
    returnPath: returnPathOptions(config, issue.slug, workspace.secret.value),
  });
  return {
    workspace,
    issue,
    // Each copy is DKIM-signed as it is built, so a dry run's files carry the signature the server would get.
    prepare: templatePreparer(await createMimeTemplate(email, await readDkimKey(workspace)), copyFor),
    server,
    dryRunDir,
    destination: server ? describeSmtpServer(server) : (dryRunDir ?? ''),
    now,
  };
}

/** Opens the destination and proves it works (credentials included) before anything is planned. */
export async function openDeliverer(setup: SendSetup, options: SendTarget): Promise<Deliverer> {
  const concurrency = options.concurrency ?? setup.workspace.config.send.concurrency;
  const deliverer = setup.server ? smtpDeliverer(setup.server, { connections: concurrency }) : emlDeliverer(setup.dryRunDir ?? setup.workspace.root);
  try {
    await deliverer.verify();
  } catch (error) {
    deliverer.close();
    const reply = redactSecret(classifyFailure(error).reply, setup.server);
    const rule = (error as { code?: string }).code === 'EAUTH' ? 'smtp/auth' : 'smtp/connect';
    // The dry-run folder is named by the diagnostic's file, never inside the message.
    const problem = setup.server
      ? diagnostic(rule, `cannot send through ${setup.destination}: ${reply}`)
      : diagnostic(rule, `cannot write the messages into this folder: ${reply}`, { file: setup.dryRunDir ?? undefined });
    throw new GazetteError([problem]);
  }
  return deliverer;
}

function smtpServer(flag: string | undefined, env: NodeJS.ProcessEnv, config: GazetteConfig, configFile: string | undefined): SmtpServer {
  if (flag) return parseSmtpUrl(flag, { field: 'smtp' });
  if (env.GAZETTE_SMTP_URL) return parseSmtpUrl(env.GAZETTE_SMTP_URL, { field: 'GAZETTE_SMTP_URL' });
  if (config.smtp) return parseSmtpUrl(config.smtp, { field: 'smtp', file: configFile });
  throw new GazetteError([diagnostic('smtp/missing', 'no SMTP server to send through', { field: 'smtp' })]);
}

