/**
 * What a failed SMTP attempt means for the recipient:
 * - `transient`: a 4xx reply or a dropped connection; try again later.
 * - `permanent`: a 5xx reply; the server will never take this message for this recipient.
 * - `fatal`: the campaign cannot go on at all (rejected credentials, TLS refused).
 */
export type FailureKind = 'transient' | 'permanent' | 'fatal';

export interface DeliveryFailure {
  kind: FailureKind;
  /** The server's reply (`550 5.1.1 No such user`) or what happened to the connection. */
  reply: string;
  /** The recipient itself was refused (RCPT TO), as opposed to the message or the session. */
  recipientRefused: boolean;
  /** The connection failed rather than the server answering: many in a row mean the server is gone. */
  connectionLost: boolean;
}

interface SmtpErrorShape {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const FATAL_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'ECONFIG']);

/** Classifies an error thrown by nodemailer's SMTP transport. */
export function classifyFailure(error: unknown): DeliveryFailure {
  const shape = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpErrorShape;
  const reply = (shape.response ?? shape.message ?? 'unknown error').trim();
  const recipientRefused = shape.code === 'EENVELOPE';
  const status = shape.responseCode;
  if (shape.code && FATAL_CODES.has(shape.code)) return { kind: 'fatal', reply, recipientRefused: false, connectionLost: false };
  if (status !== undefined && status >= 500) return { kind: 'permanent', reply, recipientRefused, connectionLost: false };
  if (status !== undefined && status >= 400) return { kind: 'transient', reply, recipientRefused, connectionLost: false };
  if (shape.code && CONNECTION_CODES.has(shape.code)) return { kind: 'transient', reply, recipientRefused: false, connectionLost: true };
  return { kind: 'permanent', reply, recipientRefused: false, connectionLost: false };
}

/**
 * How long to wait before retry number `attempt` (1 for the first retry): exponential,
 * capped, with full jitter so connections dropped together do not come back together.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** (attempt - 1), 60_000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
