import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';

/** A mailbox server as `imap(s)://user:pass@host:port` names it. */
export interface ImapServer {
  host: string;
  port: number;
  /** TLS from the first byte (imaps, port 993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
}

/** Parses an IMAP URL; the error never repeats the URL, which holds a password. */
export function parseImapUrl(text: string): ImapServer {
  const fail = (message: string) => new GazetteError([diagnostic('bounces/imap-url', `${message}; expected imap://user:password@host:port or imaps://…`, { field: 'imap' })]);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail('not a URL');
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw fail(`unsupported scheme "${url.protocol.replace(/:$/, '')}"`);
  if (!url.hostname) throw fail('no host');
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw fail('a "%" escape in the user name or password is not two hex digits (write a literal % as %25)');
    }
  };
  const user = decode(url.username);
  if (!user) throw fail('no user name');
  const secure = url.protocol === 'imaps:';
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : secure ? 993 : 143, secure, user, pass: decode(url.password) };
}

/** How a server is shown: never with the password. */
export function describeImapServer(server: ImapServer): string {
  return `${server.secure ? 'imaps' : 'imap'}://${server.user}@${server.host}:${server.port}`;
}

/** Removes the password from a text that might echo it (a server's reply). */
export function redactImapSecret(text: string, server: ImapServer): string {
  if (!server.pass) return text;
  return text.split(server.pass).join('***').split(encodeURIComponent(server.pass)).join('***');
}
