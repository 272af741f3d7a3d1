import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import sign from 'nodemailer/lib/dkim/sign';
import type { DkimKey } from './dkim.js';
import { BODY_START, relaxPiece, type RelaxedPiece, type RelaxedState } from './relaxed-body.js';

/**
 * DKIM-signs the copies of one issue, as nodemailer's signer would sign each (relaxed/relaxed,
 * SHA-256, its header list), but without its work per copy that every copy shares.
 *
 * A body hash covers every byte of the body, and each copy's body holds its reader's own name
 * and unsubscribe link, so each copy has its own hash. What is the same in every copy (nearly
 * all of the body) is canonicalized once per issue: a copy costs the canonicalization of its
 * fills, one native SHA-256 pass, and the RSA signature over its headers. The key is parsed once.
 */
export interface CopySigner {
  /** The DKIM-Signature field, CRLF-ended, to put before a copy with these headers and body. */
  signature(headers: Buffer, body: readonly Buffer[]): Buffer;
}

/** nodemailer's header fields as its signer takes them: the field name in lower case, the field as written. */
type HeaderLine = Parameters<typeof sign>[0][number];

/**
 * `shared` are the body pieces every copy passes by identity (the same Buffer objects): their
 * canonical bytes are kept, per state a piece can start from.
 */
export function createCopySigner(key: DkimKey, shared: Iterable<Buffer>): CopySigner {
  const privateKey: KeyObject = createPrivateKey(key.privateKey);
  const canonical = new Map<Buffer, Map<string, RelaxedPiece>>();
  for (const piece of shared) canonical.set(piece, new Map());

  const relaxed = (piece: Buffer, from: RelaxedState, last: boolean): RelaxedPiece => {
    const known = canonical.get(piece);
    if (!known) return relaxPiece(piece, from, last);
    const state = `${from.content}${from.space}${from.cr}${from.emptyLines}${last}`;
    let done = known.get(state);
    if (!done) {
      done = relaxPiece(piece, from, last);
      known.set(state, done);
    }
    return done;
  };

  return {
    signature(headers, body) {
      const hash = createHash('sha256');
      let state = BODY_START;
      body.forEach((piece, index) => {
        const done = relaxed(piece, state, index === body.length - 1);
        hash.update(done.bytes);
        state = done.state;
      });
      if (body.length === 0) hash.update(relaxPiece(Buffer.alloc(0), state, true).bytes);
      const field = sign(headerLines(headers), 'sha256', hash.digest('base64'), { domainName: key.domain, keySelector: key.selector, privateKey });
      if (!field) throw new Error('the DKIM key could not sign the message');
      return Buffer.from(`${field}\r\n`, 'latin1');
    },
  };
}

/** The header block split into fields, a folded field kept whole, as nodemailer's message parser does. */
function headerLines(headers: Buffer): HeaderLine[] {
  const lines: string[] = [];
  for (const line of headers.toString('latin1').split(/\r?\n/)) {
    if (lines.length > 0 && /^[ \t]/.test(line)) lines[lines.length - 1] += `\n${line}`;
    else lines.push(line);
  }
  return lines.filter((line) => /[^ \t\r]/.test(line)).map((line) => ({ key: line.slice(0, line.indexOf(':')).replace(/^[ \t]+|[ \t]+$/g, '').toLowerCase(), line }));
}
