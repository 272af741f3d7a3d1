import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/** An SMTP server as `smtp(s)://user:pass@host:port` names it. */
export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, usually port 465); otherwise STARTTLS when offered. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

/** Where an SMTP URL came from, so an error can send the reader to the right place. */
export interface SmtpUrlSource {
  /** What holds the URL: the `smtp` option or config field, or the `GAZETTE_SMTP_URL` variable. */
  field: string;
  /** The config file, when the URL was written in one. */
  file?: string;
}

/** Parses an SMTP URL; the error never repeats the URL, which may hold a password. */
export function parseSmtpUrl(text: string, source: SmtpUrlSource): SmtpServer {
  // An option or a variable is a request problem; a config field is a problem in the input, like any other config error.
  const rule = source.file === undefined ? 'smtp/url' : 'config/smtp-url';
  const fail = (message: string) =>
    new GazetteError([diagnostic(rule, `${message}; expected smtp://user:password@host:port or smtps://…`, { file: source.file, field: source.field })]);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail('not a URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw fail(`unsupported scheme "${url.protocol.replace(/:$/, '')}"`);
  if (!url.hostname) throw fail('no host');
  const secure = url.protocol === 'smtps:';
  const user = decodeUserInfo(url.username);
  const pass = decodeUserInfo(url.password);
  const escapes = 'a "%" escape that is not two hex digits, or escapes that spell no UTF-8 character (write a literal % as %25)';
  if (user === null) throw fail(`the user name has ${escapes}`);
  if (pass === null) throw fail(`the password has ${escapes}`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: user ? { user, pass } : null,
  };
}

/** A percent-encoded user or password, or null when an escape is malformed (`%ZZ`). */
function decodeUserInfo(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** How a server is shown to people: host and port, never the credentials. */
export function describeSmtpServer(server: SmtpServer): string {
  return `${server.secure ? 'smtps' : 'smtp'}://${server.auth ? `${server.auth.user}@` : ''}${server.host}:${server.port}`;
}

/**
 * The relay a server is, for a campaign's rate: its host and port. Two senders with different
 * credentials (or one on smtp:// and one on smtps://, the same port) still reach the same server.
 */
export function relayOf(server: SmtpServer): string {
  return `${server.host.toLowerCase()}:${server.port}`;
}

/** Removes the password from any text that might echo it (an error message, a reply). */
export function redactSecret(text: string, server: SmtpServer | null): string {
  const secret = server?.auth?.pass;
  if (!secret) return text;
  return text.split(secret).join('***').split(encodeURIComponent(secret)).join('***');
}
