import { composeMessage, type Envelope } from './compose.js';
import { listHeaders } from './list-headers.js';
import { createPersonalizer, type RecipientValues } from './personalize.js';
import { returnPath, type ReturnPathOptions } from './return-path.js';
import { signToken } from '../unsubscribe/token.js';
import { unsubscribeLink } from '../unsubscribe/endpoint.js';
import type { OutboundMessage, Recipient, RenderedEmail } from '../types.js';

export interface MessageFactoryOptions {
  email: RenderedEmail;
  from: string;
  replyTo: string | null;
  listId: string | null;
  unsubscribeEndpoint: URL;
  unsubscribeMailto: string | null;
  secret: string;
  /** Fields the templates use beyond email and name; a recipient without one gets it empty. */
  subscriberFields: readonly string[];
  now: () => Date;
  /** Each copy's VERP return path is made from these; without them bounces go to the From address. */
  returnPath?: ReturnPathOptions | null;
}

export type MessageFactory = (recipient: Recipient, messageId: string) => OutboundMessage;

/** What one recipient's copy has of its own: the values its body is filled with, and its envelope. */
export interface RecipientCopy {
  values: RecipientValues;
  envelope: Envelope;
}

/** Makes each recipient's own values and headers: their fields, their signed unsubscribe link, their return path. */
export function createRecipientCopies(options: MessageFactoryOptions): (recipient: Recipient) => RecipientCopy {
  const blanks = Object.fromEntries(options.subscriberFields.map((field) => [field, '']));
  return (recipient) => {
    const unsubscribeUrl = unsubscribeLink(options.unsubscribeEndpoint, signToken(recipient.email, options.secret));
    return {
      values: {
        subscriber: { ...blanks, ...recipient.fields, email: recipient.email, name: recipient.name ?? '' },
        unsubscribe_url: unsubscribeUrl,
      },
      envelope: {
        from: options.from,
        to: formatRecipient(recipient),
        replyTo: options.replyTo,
        date: options.now(),
        headers: listHeaders({ unsubscribeUrl, unsubscribeMailto: options.unsubscribeMailto, listId: options.listId }),
        returnPath: options.returnPath ? returnPath(options.returnPath, recipient.email) : null,
      },
    };
  };
}

/**
 * Prepares everything a send shares (the precompiled templates), then makes each recipient's
 * message with one template call: their fields, their signed unsubscribe link, their headers.
 */
export function createMessageFactory(options: MessageFactoryOptions): MessageFactory {
  const personalize = createPersonalizer(options.email);
  const copyFor = createRecipientCopies(options);
  return (recipient, messageId) => {
    const { values, envelope } = copyFor(recipient);
    return composeMessage(options.email.subject, personalize(values), envelope, messageId);
  };
}

/** `"Lee, Ann" <ann@example.com>`: quoted, so a comma in a name cannot split it into two addresses. */
export function formatRecipient(recipient: Recipient): string {
  if (!recipient.name) return recipient.email;
  return `"${recipient.name.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}" <${recipient.email}>`;
}
