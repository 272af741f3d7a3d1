import MailComposer from 'nodemailer/lib/mail-composer';
import { toMailOptions, type Envelope } from '../message/compose.js';
import type { MimeTemplate } from '../message/mime-template.js';
import type { RecipientCopy } from '../message/recipient-message.js';
import type { OutboundMessage, Recipient } from '../types.js';

/** A message built to its final bytes, ready to be handed over the moment a connection is free. */
export interface PreparedMessage {
  messageId: string;
  /** SMTP envelope: the bare recipient, and the VERP return path (or the bare From address) as sender. */
  envelope: { from: string; to: string };
  /**
   * The complete MIME message, in pieces to be sent one after another. A copy spliced from the
   * issue's template is mostly the template's own buffers, shared by every copy, so building one
   * allocates only its headers and fills, not a ~100 KB message that is garbage a moment later.
   */
  pieces: readonly Buffer[];
}

/** The message as one buffer: for a file, a parser or a test, not for sending. */
export function wholeMessage(prepared: PreparedMessage): Buffer {
  return Buffer.concat(prepared.pieces);
}

/** `Gazette <digest@example.com>` → `digest@example.com`; a bare address stays as it is. */
export function bareAddress(address: string): string {
  return (/<([^>]+)>\s*$/.exec(address)?.[1] ?? address).trim();
}

/**
 * Builds the MIME bytes ahead of sending. Building is most of a message's CPU cost; done before
 * a connection frees up, it overlaps the messages in flight instead of idling the connection.
 */
export async function prepareMessage(message: OutboundMessage): Promise<PreparedMessage> {
  // Quoted-printable is what nodemailer picks for mostly-Latin text anyway; naming it skips the
  // character count it would otherwise run over every body, the largest cost per recipient.
  const raw = await new MailComposer({ ...toMailOptions(message), textEncoding: 'quoted-printable' }).compile().build();
  return { messageId: message.messageId, envelope: smtpEnvelope(message), pieces: [raw] };
}

/** Builds one recipient's message, ready to hand over. */
export type MessagePreparer = (recipient: Recipient, messageId: string) => PreparedMessage | Promise<PreparedMessage>;

/**
 * The fast way, for a whole send: each copy spliced from the MIME template (encoded
 * once) with the recipient's own headers and fields, in microseconds and without a stream.
 */
export function templatePreparer(template: MimeTemplate, copyFor: (recipient: Recipient) => RecipientCopy): MessagePreparer {
  return (recipient, messageId) => {
    const { values, envelope } = copyFor(recipient);
    return { messageId, envelope: smtpEnvelope(envelope), pieces: template.assemble(values, envelope, messageId) };
  };
}

/** The bare recipient, and the VERP return path (or the bare From address) as sender. */
function smtpEnvelope(message: Pick<Envelope, 'from' | 'to' | 'returnPath'>): PreparedMessage['envelope'] {
  return { from: message.returnPath ?? bareAddress(message.from), to: bareAddress(message.to) };
}
