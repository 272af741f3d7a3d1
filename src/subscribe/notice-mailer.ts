import nodemailer from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { composeMessage, newMessageId, toMailOptions } from '../message/compose.js';
import { dkimOptions, type DkimKey } from '../message/dkim.js';
import { listHeaders } from '../message/list-headers.js';
import { formatRecipient } from '../message/recipient-message.js';
import type { SmtpServer } from '../send/smtp-url.js';
import type { Recipient } from '../types.js';
import type { RenderedNotice } from './notice-template.js';

export interface NoticeMailerOptions {
  from: string;
  replyTo: string | null;
  listId: string | null;
  dkim: DkimKey | null;
  now?: () => Date;
}

export interface NoticeMailer {
  /** Sends one notice; `unsubscribeUrl` adds the list's unsubscribe headers (the welcome, which is list mail). */
  send(to: Recipient, notice: RenderedNotice, unsubscribeUrl?: string): Promise<string>;
  /** Connects and logs in once, to find a wrong host or password before anyone signs up. Rejects at once on `close`. */
  verify(): Promise<void>;
  /**
   * Closes every connection at once, even one waiting for a silent server's greeting or in the
   * middle of a message (whose `send` then fails): the caller gives emails their grace first.
   */
  close(): void;
}

/**
 * Sends the sign-up notices through the configured SMTP server, with the From, Reply-To,
 * List-Id and DKIM signature, so they are recognisably the same list. One pooled connection:
 * sign-ups arrive one at a time, and a burst waits its turn rather than opening many.
 */
export function smtpNoticeMailer(server: SmtpServer, options: NoticeMailerOptions): NoticeMailer {
  const connection = {
    host: server.host,
    port: server.port,
    secure: server.secure,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
  } as const;
  const transport = nodemailer.createTransport({ ...connection, pool: true, maxConnections: 1, auth: server.auth ?? undefined, dkim: dkimOptions(options.dkim) });
  const now = options.now ?? (() => new Date());
  const checks = new Set<SMTPConnection>();
  let closed = false;
  return {
    async send(to, notice, unsubscribeUrl) {
      const message = composeMessage(
        notice.subject,
        { html: notice.html, text: notice.text },
        {
          from: options.from,
          to: formatRecipient(to),
          replyTo: options.replyTo,
          date: now(),
          headers: listHeaders({ unsubscribeUrl: unsubscribeUrl ?? null, unsubscribeMailto: null, listId: options.listId }),
        },
        newMessageId(options.from, 'subscribe'),
      );
      const info = await transport.sendMail(toMailOptions(message));
      return info.response;
    },
    verify() {
      if (closed) return Promise.reject(new Error('the mailer is closed'));
      // Not the transport's verify(): its connection is its own, and nothing can close it, so a
      // server that never answers would hold the process for the greeting timeout after a Ctrl-C.
      const check = new SMTPConnection(connection);
      checks.add(check);
      return verifyConnection(check, server.auth ?? null).finally(() => checks.delete(check));
    },
    close() {
      closed = true;
      for (const check of checks) check.close();
      // `force`: a connection in the middle of a message (or waiting for a greeting) is closed too.
      (transport.close as (options?: { force?: boolean }) => void)({ force: true });
    },
  };
}

/** Connects (upgrading with STARTTLS when offered), logs in when there are credentials, and quits. */
function verifyConnection(check: SMTPConnection, auth: SmtpServer['auth']): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) {
        check.close();
        reject(error);
      } else {
        check.quit();
        resolve();
      }
    };
    check.once('error', (error: Error) => settle(error));
    check.once('end', () => settle(new Error('the connection was closed before the server answered')));
    check.connect((error) => {
      if (error) return settle(error);
      // Like the transport: a server that offers no AUTH is not asked to log in.
      if (!auth || !(check as SMTPConnection & { allowsAuth?: boolean }).allowsAuth) return settle();
      check.login(auth, (loginError) => settle(loginError ?? undefined));
    });
  });
}
