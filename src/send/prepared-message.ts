import MailComposer from 'nodemailer/lib/mail-composer';
import { toMailOptions } from '../message/compose.js';
import type { OutboundMessage } from '../types.js';

/** A message built to its final bytes, ready to be handed over the moment a connection is free. */
export interface PreparedMessage {
  message: OutboundMessage;
  /** SMTP envelope: the bare recipient, and the VERP return path (or the bare From address) as sender. */
  envelope: { from: string; to: string };
  /** The complete MIME message. */
  raw: Buffer;
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
  return { message, envelope: { from: message.returnPath ?? bareAddress(message.from), to: bareAddress(message.to) }, raw };
}
