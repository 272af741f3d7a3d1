import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type { Deliverer } from './deliverer.js';
import type { SmtpServer } from './smtp-url.js';

export interface SmtpDelivererOptions {
  /** Connections kept open at once. */
  connections: number;
}

/**
 * nodemailer's pooled SMTP transport, without its own rate limiting (which bursts across
 * connections; the send loop limits instead). Messages come DKIM-signed already (message/mime-template.ts).
 */
export function smtpDeliverer(server: SmtpServer, options: SmtpDelivererOptions): Deliverer {
  const transport = nodemailer.createTransport({
    pool: true,
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
  return {
    async deliver(prepared, onTransmit) {
      const info = await transport.sendMail({ envelope: prepared.envelope, raw: transmitted(prepared.pieces, onTransmit) });
      return info.response;
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

/**
 * The message as a stream that calls `onTransmit` when the pool first reads it, which happens
 * only once a connection has taken the message: messages still waiting in the pool's queue
 * have not been read, so they are not in flight.
 */
function transmitted(pieces: readonly Buffer[], onTransmit: () => void): Readable {
  let started = false;
  return new Readable({
    read() {
      if (!started) {
        started = true;
        onTransmit();
        // Pushed as they are: the stream passes each buffer on to the socket without copying it.
        for (const piece of pieces) if (piece.length > 0) this.push(piece);
        this.push(null);
      }
    },
  });
}
