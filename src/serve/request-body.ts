import type { IncomingMessage } from 'node:http';

/** `aborted`: the client went away (or the server is stopping) before the body ended. */
export type ReadBody = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * After a body is found too large, how much more is read and thrown away so the client (still
 * sending) sees the 413 rather than a connection reset; past this the connection is cut.
 */
const DISCARD_LIMIT = 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. Past the limit nothing more is kept, but the rest is
 * read and discarded (up to a megabyte), so the caller can answer 413 and the client reads it: a
 * socket destroyed while the client still writes reaches it as a reset, not as an answer.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve) => {
    const declared = Number(request.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const overLimit = () => {
      tooLarge = true;
      chunks.length = 0;
      resolve({ ok: false, reason: 'too-large' });
    };
    if (Number.isFinite(declared) && declared > limit) overLimit();
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit + DISCARD_LIMIT) request.destroy();
        return;
      }
      if (size > limit) return overLimit();
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!tooLarge) resolve({ ok: true, body: Buffer.concat(chunks) });
    });
    request.on('error', () => resolve({ ok: false, reason: 'aborted' }));
    request.on('close', () => resolve({ ok: false, reason: 'aborted' }));
  });
}

/**
 * The fields of a request body. Form bodies give strings; a JSON object gives whatever values it
 * holds, so a caller can tell a field sent as a number or a list from one left out.
 */
export type ReadFields =
  | { ok: true; fields: Map<string, unknown> }
  /** `unsupported`: a Content-Type that is neither a form nor JSON; `malformed`: one of those, but not well formed. */
  | { ok: false; reason: 'unsupported' | 'malformed'; problem: string };

/** The fields of a body: `application/x-www-form-urlencoded`, `multipart/form-data` (text fields) or a JSON object. */
export function formFields(contentType: string | undefined, body: Buffer): ReadFields {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // A byte order mark is not part of the text (RFC 8259 lets a parser ignore it); Windows tools write one.
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  // A one-click POST without a Content-Type is still read as the form RFC 8058 says it is.
  if (type === 'application/x-www-form-urlencoded' || type === '') return { ok: true, fields: new Map(new URLSearchParams(text)) };
  if (type === 'application/json') return jsonFields(text);
  if (type === 'multipart/form-data') return multipartFields(contentType!, text);
  return { ok: false, reason: 'unsupported', problem: 'send the fields as a form or as a JSON object' };
}

function jsonFields(text: string): ReadFields {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed', problem: 'the body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'malformed', problem: 'the body must be a JSON object of fields' };
  return { ok: true, fields: new Map(Object.entries(value)) };
}

/** The text fields of a multipart/form-data body (RFC 7578), as RFC 8058's one-click example sends it. */
function multipartFields(contentType: string, text: string): ReadFields {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return { ok: false, reason: 'malformed', problem: 'the multipart body has no boundary' };
  const fields = new Map<string, string>();
  for (const part of text.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n') >= 0 ? part.indexOf('\r\n\r\n') : part.indexOf('\n\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const name = /content-disposition:[^\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined || /filename=/i.test(headers)) continue;
    fields.set(name, part.slice(split).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, ''));
  }
  return { ok: true, fields };
}
