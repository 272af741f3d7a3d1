import { randomUUID } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import type Mail from 'nodemailer/lib/mailer';
import type { OutboundMessage, PersonalizedEmail } from '../types.js';

export interface Envelope {
  from: string;
  to: string;
  replyTo?: string | null;
  date: Date;
  /** Extra headers (List-Unsubscribe, List-Id, …), already formatted. */
  headers?: Record<string, string>;
  /** The envelope sender bounces go to; default: the From address. */
  returnPath?: string | null;
}

/** The domain of an address such as `Gazette <digest@example.com>`, read by nodemailer's own address parser. */
export function addressDomain(address: string): string {
  const [first] = addressparser(address, { flatten: true });
  const at = first?.address.lastIndexOf('@') ?? -1;
  return first && at > 0 && at < first.address.length - 1 ? first.address.slice(at + 1) : 'localhost';
}

/** A Message-ID unique per message, on the sender's domain. */
export function newMessageId(from: string, issueSlug: string): string {
  return `<${issueSlug}.${randomUUID()}@${addressDomain(from)}>`;
}

export function composeMessage(subject: string, body: PersonalizedEmail, envelope: Envelope, messageId: string): OutboundMessage {
  const headers: Record<string, string> = { ...envelope.headers };
  return {
    from: envelope.from,
    to: envelope.to,
    subject,
    html: body.html,
    text: body.text,
    messageId,
    date: envelope.date,
    replyTo: envelope.replyTo ?? null,
    headers,
    returnPath: envelope.returnPath ?? null,
  };
}

/**
 * nodemailer's message options; headers go as prepared so long ones are never folded. Reply-To
 * is an address nodemailer formats itself: as a prepared header it would be dropped.
 */
export function toMailOptions(message: OutboundMessage): Mail.Options {
  return {
    from: message.from,
    to: message.to,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    date: message.date,
    headers: Object.fromEntries(Object.entries(message.headers).map(([key, value]) => [key, { prepared: true, value }])),
  };
}
