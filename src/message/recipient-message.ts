import { composeMessage } from './compose.js';
import { listHeaders } from './list-headers.js';
import { createPersonalizer } from './personalize.js';
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

/**
 * Prepares everything a send shares (the precompiled templates), then makes each recipient's
 * message with one template call: their fields, their signed unsubscribe link, their headers.
 */
export function createMessageFactory(options: MessageFactoryOptions): MessageFactory {
  const personalize = createPersonalizer(options.email);
  const blanks = Object.fromEntries(options.subscriberFields.map((field) => [field, '']));
  return (recipient, messageId) => {
    const unsubscribeUrl = unsubscribeLink(options.unsubscribeEndpoint, signToken(recipient.email, options.secret));
    const body = personalize({
      subscriber: { ...blanks, ...recipient.fields, email: recipient.email, name: recipient.name ?? '' },
      unsubscribe_url: unsubscribeUrl,
    });
    return composeMessage(
      options.email.subject,
      body,
      {
        from: options.from,
        to: formatRecipient(recipient),
        replyTo: options.replyTo,
        date: options.now(),
        headers: listHeaders({ unsubscribeUrl, unsubscribeMailto: options.unsubscribeMailto, listId: options.listId }),
        returnPath: options.returnPath ? returnPath(options.returnPath, recipient.email) : null,
      },
      messageId,
    );
  };
}

/** `"Lee, Ann" <ann@example.com>`: quoted, so a comma in a name cannot split it into two addresses. */
export function formatRecipient(recipient: Recipient): string {
  if (!recipient.name) return recipient.email;
  return `"${recipient.name.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}" <${recipient.email}>`;
}
