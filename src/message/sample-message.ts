import type { GazetteConfig } from '../config.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import type { OutboundMessage, Recipient, RenderedEmail } from '../types.js';
import { unsubscribeEndpoint } from '../unsubscribe/endpoint.js';
import type { WorkspaceSecret } from '../workspace/resolve.js';
import { composeMessage, newMessageId } from './compose.js';
import type { DkimKey } from './dkim.js';
import { createMimeTemplate } from './mime-template.js';
import { createPersonalizer } from './personalize.js';
import { createRecipientCopies } from './recipient-message.js';
import { returnPathOptions, withReturnPath } from './return-path.js';

export interface SampleMessageOptions {
  /** The issue's slug, for the Message-ID. */
  issue: string;
  /** The built issue as `gazette send` loads it (email.json). */
  email: RenderedEmail;
  config: GazetteConfig;
  /** The unsubscribe secret; the token it signs only changes the link's length, never a finding. */
  secret: string;
  dkim: DkimKey | null;
  now: () => Date;
  /** Where unsubscribe links point, when the config names no endpoint (a preview still renders). */
  fallbackEndpoint?: URL;
}

export interface SampleMessage {
  message: OutboundMessage;
  /** The message as SMTP carries it: CRLF line ends, DKIM-signed when a key is given. */
  eml: Buffer;
}

/**
 * Unsubscribe tokens only change the link's length, so a build or check without a configured
 * secret signs the sample with this one rather than refusing as `gazette send` does.
 */
const STAND_IN_SECRET = 'gazette-sample-stand-in-secret';

/** The configured unsubscribe secret, or a stand-in for the sample message. */
export function sampleSecret(secret: WorkspaceSecret): string {
  return secret.ok ? secret.value : STAND_IN_SECRET;
}

/**
 * The sample subscriber of the config (`preview.subscriber`), as a list row would give it;
 * at another address for a test copy, which keeps the sample's fields.
 */
export function sampleRecipient(config: GazetteConfig, email = config.preview.subscriber.email ?? 'reader@example.com'): Recipient {
  const fields = config.preview.subscriber;
  return { email, name: fields.name || null, fields: { ...fields, email } };
}

/**
 * The sample subscriber's copy exactly as `gazette send` produces it: the same values and headers
 * (personalized body, signed unsubscribe link, list headers), spliced from the same MIME template
 * with the same DKIM signing, CRLF line ends as SMTP carries them.
 */
export async function sampleMessage(options: SampleMessageOptions): Promise<SampleMessage> {
  const { config } = options;
  const endpoint = unsubscribeEndpoint(config) ?? options.fallbackEndpoint;
  if (!endpoint) {
    throw new GazetteError([diagnostic('unsubscribe/no-url', 'every message needs an unsubscribe link: set unsubscribe.url (or base_url) in the config', { field: 'unsubscribe.url' })]);
  }
  const copyFor = createRecipientCopies({
    email: options.email,
    from: config.from,
    replyTo: config.reply_to,
    listId: config.list_id,
    unsubscribeEndpoint: endpoint,
    unsubscribeMailto: config.unsubscribe.mailto,
    secret: options.secret,
    subscriberFields: config.subscriber_fields,
    now: options.now,
    returnPath: returnPathOptions(config, options.issue, options.secret),
  });
  const { values, envelope } = copyFor(sampleRecipient(config));
  const messageId = newMessageId(config.from, options.issue);
  const message = composeMessage(options.email.subject, createPersonalizer(options.email)(values), envelope, messageId);
  // Spliced from the issue's MIME template, as every copy of a send is (mime-template.ts), not a
  // second encoding of a possibly very large issue through nodemailer's streams.
  const template = await createMimeTemplate(options.email, options.dkim);
  return { message, eml: withReturnPath(Buffer.concat(template.assemble(values, envelope, messageId)), message.returnPath) };
}

