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
    return { messageId, envelope: smtpEnvelope(envelope), pieces: joinSmallPieces(template.assemble(values, envelope, messageId)) };
  };
}

/**
 * Pieces shorter than this are copied into one buffer with their small neighbours; longer ones
 * (the shared text, tens of KB) stay the template's own buffers, never copied.
 */
const SHARED_PIECE_MIN = 2048;

/**
 * The same bytes in fewer pieces: each run of small pieces (a copy's headers, its fills, the soft
 * breaks and the MIME structure between them) joined into one buffer of a few KB. A copy comes
 * as ~25 pieces, most of them a few bytes long, and the transport handles every piece as a stream
 * chunk (objects per chunk in each stage it passes: the message stream, end-of-message and
 * dot-stuffing transforms, the socket write), so per-chunk bookkeeping was a large share of the
 * garbage made per message. Joined, a copy is ~7 pieces, and a few KB more is copied per copy.
 */
export function joinSmallPieces(pieces: readonly Buffer[]): Buffer[] {
  const joined: Buffer[] = [];
  let run: Buffer[] = [];
  const endRun = () => {
    if (run.length === 1) joined.push(run[0]!);
    else if (run.length > 1) joined.push(Buffer.concat(run));
    run = [];
  };
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (piece.length >= SHARED_PIECE_MIN) {
      endRun();
      joined.push(piece);
    } else {
      run.push(piece);
    }
  }
  endRun();
  return joined;
}

/** The bare recipient, and the VERP return path (or the bare From address) as sender. */
function smtpEnvelope(message: Pick<Envelope, 'from' | 'to' | 'returnPath'>): PreparedMessage['envelope'] {
  return { from: message.returnPath ?? bareAddress(message.from), to: bareAddress(message.to) };
}
