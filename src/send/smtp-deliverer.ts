import { Readable } from 'node:stream';
import MimeNode from 'nodemailer/lib/mime-node';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Deliverer } from './deliverer.js';
import type { PreparedMessage } from './prepared-message.js';
import type { SmtpServer } from './smtp-url.js';

export interface SmtpDelivererOptions {
  /** Connections kept open at once. */
  connections: number;
}

/**
 * nodemailer's SMTP connection pool, without its own rate limiting (which bursts across
 * connections; the send loop limits instead). Messages come DKIM-signed already (message/mime-template.ts).
 *
 * The pool is given each message directly, not through nodemailer's `sendMail`: for a raw
 * message that builds a MIME tree, runs its plugins and pipes the message through two more
 * streams, only to hand the pool the same bytes. Made and dropped per message, that machinery
 * was most of the garbage a send still made per message after the copies themselves, and part
 * of it outlived young-generation collections, filling old space. The pool sends what it is
 * given as `sendMail` would have: the envelope normalized by nodemailer's own MIME node (IDN
 * domains to punycode), the message bytes as they are (they end with CRLF, so nodemailer's
 * end-of-message newline adds nothing), dot-stuffed by the SMTP connection.
 */
export function smtpDeliverer(server: SmtpServer, options: SmtpDelivererOptions): Deliverer {
  const pool = new SMTPPool({
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: server.auth ?? undefined,
    maxConnections: options.connections,
    // Reconnecting every 100 messages (the default) costs a handshake for nothing on a long list.
    maxMessages: 1000,
    // Retries belong to the send loop, which records each attempt in the ledger; the pool would
    // otherwise resend a message silently after a dropped connection.
    maxRequeues: 0,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  });
  // Only its envelope normalization is used; setEnvelope makes a new envelope object each time.
  const envelopes = new MimeNode();
  return {
    deliver(prepared, onTransmit) {
      const envelope = envelopes.setEnvelope(prepared.envelope).getEnvelope();
      return new Promise<string>((resolve, reject) => {
        pool.send(poolMessage(prepared, envelope, onTransmit), (error, info) => {
          // The pool answers with either an error or the server's reply.
          if (error || !info) reject(error ?? new Error('the SMTP pool answered without a reply'));
          else resolve(info.response);
        });
      });
    },
    async verify() {
      await pool.verify();
    },
    close() {
      pool.close();
    },
  };
}

/**
 * What the pool reads of a message (nodemailer's MailMessage: its options, and its MIME node's
 * envelope, id and stream), for a message that is already bytes.
 */
function poolMessage(prepared: PreparedMessage, envelope: MimeNode.Envelope, onTransmit: () => Promise<void>): PoolMessage {
  const message = {
    getEnvelope: () => envelope,
    messageId: () => prepared.messageId,
    getHeader: (key: string) => (key.toLowerCase() === 'message-id' ? prepared.messageId : undefined),
    createReadStream: () => transmitted(prepared.pieces, onTransmit),
  };
  return { data: {}, message } as unknown as PoolMessage;
}

type PoolMessage = Parameters<SMTPPool['send']>[0];

/**
 * The message as a stream, made when a connection takes the message (the pool asks for it only
 * then, never for a message still waiting in its queue): `onTransmit` starts right then, and
 * its database round trip runs alongside MAIL FROM, RCPT TO and DATA. The message's bytes are
 * pushed only once it has resolved, so the server cannot have the whole message (it accepts
 * nothing before the final dot) until the claim is committed. If it rejects (the send lease was
 * lost), the stream fails: the pool closes the connection without the final dot, so the server
 * discards what it got of the envelope.
 */
function transmitted(pieces: readonly Buffer[], onTransmit: () => Promise<void>): Readable {
  const claimed = onTransmit();
  let started = false;
  const stream = new Readable({
    read() {
      if (started) return;
      started = true;
      claimed.then(
        () => {
          // Pushed as they are: the stream passes each buffer on to the socket without copying it.
          for (const piece of pieces) if (piece.length > 0) stream.push(piece);
          stream.push(null);
        },
        (error: unknown) => stream.destroy(error as Error),
      );
    },
  });
  // A claim refused before the connection reads the stream fails it at once, before DATA.
  claimed.catch((error: unknown) => {
    if (!started) stream.destroy(error as Error);
  });
  return stream;
}
