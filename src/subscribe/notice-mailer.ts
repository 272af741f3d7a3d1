import nodemailer from 'nodemailer';
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
  /** Connects and logs in once, to find a wrong host or password before anyone signs up. */
  verify(): Promise<void>;
  close(): void;
}

/**
 * Sends the sign-up notices through the configured SMTP server, with the From, Reply-To,
 * List-Id and DKIM signature, so they are recognisably the same list. One pooled connection:
 * sign-ups arrive one at a time, and a burst waits its turn rather than opening many.
 */
export function smtpNoticeMailer(server: SmtpServer, options: NoticeMailerOptions): NoticeMailer {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: server.auth ?? undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
    dkim: dkimOptions(options.dkim),
  });
  const now = options.now ?? (() => new Date());
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
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}
