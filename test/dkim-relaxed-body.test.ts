import { createHash } from 'node:crypto';
import RelaxedBody from 'nodemailer/lib/dkim/relaxed-body';
import { describe, expect, it } from 'vitest';
import { BODY_START, relaxPiece } from '../src/message/relaxed-body.js';

/** nodemailer's own relaxed body hash, the one its DKIM signer puts in bh=. */
async function nodemailerBodyHash(body: Buffer): Promise<string> {
  const relaxed = new RelaxedBody({ hashAlgo: 'sha256' });
  const hash = new Promise<string>((resolve) => relaxed.once('hash', resolve));
  relaxed.resume();
  relaxed.end(body);
  return hash;
}

/** The body canonicalized in the given pieces, each from the state the one before ended in. */
function piecewiseBodyHash(body: Buffer, cuts: readonly number[]): string {
  const hash = createHash('sha256');
  let state = BODY_START;
  const edges = [0, ...cuts, body.length];
  for (let index = 0; index < edges.length - 1; index++) {
    const done = relaxPiece(body.subarray(edges[index], edges[index + 1]), state, index === edges.length - 2);
    hash.update(done.bytes);
    state = done.state;
  }
  return hash.digest('base64');
}

/** Bodies that reach every rule: trailing and inner whitespace, bare CR and LF, empty lines inside and at the end. */
const BODIES = [
  '',
  '\r\n',
  '\r\n\r\n\r\n',
  'one line without an end',
  'Hello  \t there  \r\n\r\n\r\nsecond line\t\r\n',
  '  leading space\r\n\t\r\n \r\nafter blank lines made of whitespace\r\n\r\n  \r\n',
  'bare\nline ends\rand a bare CR\r\r\nand a CR at the end\r',
  'soft=\r\nbreaks=\r\n=20spaces encoded  =\r\n\r\n',
  'ends in spaces   ',
  'a CR before spaces\r   \r\n',
];

describe('relaxed body canonicalization in pieces', () => {
  it.each(BODIES.map((body) => [JSON.stringify(body), body]))('gives nodemailer\'s body hash for %s, wherever the body is cut', async (_, text) => {
    const body = Buffer.from(text, 'latin1');
    const expected = await nodemailerBodyHash(body);
    expect(piecewiseBodyHash(body, [])).toBe(expected);
    // Every single cut, and a cut between every two bytes.
    for (let cut = 0; cut <= body.length; cut++) expect(piecewiseBodyHash(body, [cut])).toBe(expected);
    expect(piecewiseBodyHash(body, Array.from({ length: body.length }, (_, index) => index))).toBe(expected);
  });

  it('gives the same bytes for the same piece from the same state', () => {
    const piece = Buffer.from('shared text  \r\n\r\nmore=\r\n');
    // A fill that ended with an empty line: it belongs before the piece's first content.
    const from = relaxPiece(Buffer.from('fill \r\n\r\n'), BODY_START).state;
    expect(relaxPiece(piece, from).bytes.equals(relaxPiece(piece, from).bytes)).toBe(true);
    expect(relaxPiece(piece, from).bytes.toString()).toBe('\r\nshared text\r\n\r\nmore=\r\n');
  });
});
