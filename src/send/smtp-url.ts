import { diagnostic, GazetteError } from '../diagnostics.js';

/** An SMTP server as `smtp(s)://user:pass@host:port` names it. */
export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, usually port 465); otherwise STARTTLS when offered. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

/** Parses an SMTP URL; the error never repeats the URL, which may hold a password. */
export function parseSmtpUrl(text: string, origin: string): SmtpServer {
  const fail = (message: string) => new GazetteError([diagnostic('smtp/url', `${origin}: ${message}; expected smtp://user:password@host:port or smtps://…`, { field: 'smtp' })], 2);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail('not a URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw fail(`unsupported scheme "${url.protocol.replace(/:$/, '')}"`);
  if (!url.hostname) throw fail('no host');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: user ? { user, pass: decodeURIComponent(url.password) } : null,
  };
}

/** How a server is shown to people: host and port, never the credentials. */
export function describeSmtpServer(server: SmtpServer): string {
  return `${server.secure ? 'smtps' : 'smtp'}://${server.auth ? `${server.auth.user}@` : ''}${server.host}:${server.port}`;
}

/** Removes the password from any text that might echo it (an error message, a reply). */
export function redactSecret(text: string, server: SmtpServer | null): string {
  const secret = server?.auth?.pass;
  if (!secret) return text;
  return text.split(secret).join('***').split(encodeURIComponent(secret)).join('***');
}
