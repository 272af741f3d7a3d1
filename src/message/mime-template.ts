import { randomBytes } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type MimeNode from 'nodemailer/lib/mime-node';
import { encode, wrap } from 'nodemailer/lib/qp';
import { textSlices } from '../output/chunks.js';
import type { RenderedEmail } from '../types.js';
import { composeMessage, toMailOptions, type Envelope } from './compose.js';
import { createCopySigner } from './copy-signer.js';
import type { DkimKey } from './dkim.js';
import { segmentEmail, type RecipientValues, type Segment } from './personalize.js';

/**
 * Every copy of an issue is the same MIME message but for a few per-recipient fields, so the
 * message is encoded once and each copy is spliced together from buffers:
 *
 *   headers (nodemailer's own, per copy) · structure · text part · structure · HTML part · end
 *
 * Each body part is quoted-printable, in pieces: the text every copy shares is encoded once, and
 * only the fills (name, address, unsubscribe link, the theme's recipient blocks) are encoded per
 * copy. A piece that another follows ends in a soft line break (`=` CRLF), which decoding removes,
 * so the pieces decode to exactly the joined text and no line passes 76 characters, wherever the
 * pieces meet. The bytes differ from a one-piece encoding only in where lines break.
 *
 * Headers come from nodemailer's MailComposer given the copy's real options, so names and subjects
 * are RFC 2047-encoded and folded exactly as before; only its bodies are stand-ins, never encoded.
 * The structure (boundaries, part headers) is nodemailer's too, built once with the same stand-ins.
 *
 * With a DKIM key each copy is signed here, as nodemailer's transport would sign it, but with the
 * canonical form of the shared pieces worked out once per issue (copy-signer.ts).
 */
export interface MimeTemplate {
  /**
   * One recipient's complete message, CRLF line ends, as SMTP carries it (DKIM-signed when a key
   * is given), in pieces: the shared ones are the template's own buffers, never copied.
   */
  assemble(values: RecipientValues, envelope: Envelope, messageId: string): readonly Buffer[];
}

/** A part's pieces: shared ones encoded already, fills still to encode per copy. */
type EncodedPiece = Buffer | ((values: RecipientValues) => string);

const HEADER_END = Buffer.from('\r\n\r\n');
const SOFT_BREAK = Buffer.from('=\r\n');
const LINE_LENGTH = 76;
/**
 * Characters encoded at a time. Each slice's encoding is kept until the part is joined, so a few
 * large slices hold less than many small ones: measured on 10,000-article builds, 32K slices
 * peaked higher than 1M slices.
 */
const ENCODED_SLICE_LENGTH = 1 << 20;

export async function createMimeTemplate(email: RenderedEmail, dkim: DkimKey | null = null): Promise<MimeTemplate> {
  const segmented = segmentEmail(email);
  const nonce = randomBytes(8).toString('hex');
  // Non-ASCII, so nodemailer gives the stand-in parts the quoted-printable encoding the real ones get.
  const textStandIn = `\u00e9gz${nonce}text`;
  const htmlStandIn = `\u00e9gz${nonce}html`;
  // The boundary of every copy: random per send, as nodemailer's is per message, and checked
  // against every copy's text (see assemble), so no content can end a part early.
  const baseBoundary = randomBytes(8).toString('hex');
  const composer = (options: Mail.Options) =>
    new MailComposer({ ...options, text: textStandIn, html: htmlStandIn, textEncoding: 'quoted-printable', baseBoundary } as Mail.Options).compile();

  const structure = await structureOf(composer, textStandIn, htmlStandIn);
  const text = encodePieces(segmented.text);
  const html = encodePieces(segmented.html);
  const boundary = structure.boundary;
  if ([...segmented.text, ...segmented.html].some((segment) => typeof segment === 'string' && segment.includes(boundary))) {
    throw new Error('the issue contains the message boundary');
  }
  const shared = [structure.beforeText, structure.betweenParts, structure.afterHtml, SOFT_BREAK, ...[...text, ...html].filter((piece) => Buffer.isBuffer(piece))];
  const signer = dkim ? createCopySigner(dkim, shared) : null;

  return {
    assemble(values, envelope, messageId) {
      const message = composeMessage(email.subject, { html: htmlStandIn, text: textStandIn }, envelope, messageId);
      const headers = Buffer.from(composer(toMailOptions(message)).buildHeaders(), 'utf8');
      const body: Buffer[] = [structure.beforeText];
      appendPieces(body, text, values, boundary);
      body.push(structure.betweenParts);
      appendPieces(body, html, values, boundary);
      body.push(structure.afterHtml);
      const signature = signer ? [signer.signature(headers, body)] : [];
      return [...signature, headers, HEADER_END, ...body];
    },
  };
}

interface Structure {
  /** From the first byte of the body (after the root headers and the blank line) to the first byte of the text part's content. */
  beforeText: Buffer;
  betweenParts: Buffer;
  afterHtml: Buffer;
  boundary: string;
}

/** nodemailer's multipart/alternative around two stand-in bodies, cut where the bodies go. */
async function structureOf(composer: (options: Mail.Options) => MimeNode, textStandIn: string, htmlStandIn: string): Promise<Structure> {
  const root = composer({ from: 'structure@example.invalid', to: 'structure@example.invalid', subject: 'structure', date: new Date(0), messageId: '<structure@example.invalid>' });
  const built = await root.build();
  const headerEnd = built.indexOf(HEADER_END);
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(built.subarray(0, headerEnd).toString('latin1'))?.[1];
  if (headerEnd < 0 || !boundary) throw new Error('nodemailer built no multipart/alternative for a text and an HTML part');
  // The root headers are rebuilt per copy; the body is the same for every copy.
  const skeleton = built.subarray(headerEnd + HEADER_END.length);
  const textMark = Buffer.from(encode(textStandIn));
  const htmlMark = Buffer.from(encode(htmlStandIn));
  const textAt = skeleton.indexOf(textMark);
  const htmlAt = skeleton.indexOf(htmlMark);
  if (textAt < 0 || htmlAt < textAt) throw new Error('the stand-in bodies were not found in the structure nodemailer built');
  return {
    beforeText: skeleton.subarray(0, textAt),
    betweenParts: skeleton.subarray(textAt + textMark.length, htmlAt),
    afterHtml: skeleton.subarray(htmlAt + htmlMark.length),
    boundary,
  };
}

/** The shared pieces encoded once; each but the last closed by a soft line break. */
function encodePieces(segments: readonly Segment[]): EncodedPiece[] {
  return segments.map((segment, index) => {
    if (typeof segment !== 'string') return segment;
    const encoded = encodeText(segment, index < segments.length - 1);
    return encoded.length === 1 ? encoded[0]! : Buffer.concat(encoded);
  });
}

function appendPieces(chunks: Buffer[], pieces: readonly EncodedPiece[], values: RecipientValues, boundary: string): void {
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if (Buffer.isBuffer(piece)) {
      chunks.push(piece);
      continue;
    }
    const filled = piece(values);
    // The only text not encoded beforehand: a value holding the boundary would end the part early.
    if (filled.includes(boundary)) throw new Error('a recipient value contains the message boundary');
    chunks.push(...encodeText(filled, index < pieces.length - 1));
  }
}

/**
 * Quoted-printable as nodemailer encodes it, line ends made CRLF first so they stay hard breaks.
 * A long text (a large issue's HTML) is encoded slice by slice, joined by soft line breaks as
 * pieces are: its encoded strings are never all held at once beside the result. Where a soft
 * break follows (`joined`: another piece comes next), lines are wrapped one shorter, so the
 * last line and its `=` still fit in 76 characters.
 */
function encodeText(text: string, joined: boolean): Buffer[] {
  const slices = [...textSlices(text, ENCODED_SLICE_LENGTH)];
  return slices.flatMap((slice, index) => {
    const followed = joined || index < slices.length - 1;
    const encoded = Buffer.from(wrap(encode(slice.replace(/\r?\n/g, '\r\n')), followed ? LINE_LENGTH - 1 : LINE_LENGTH), 'latin1');
    return followed ? [encoded, SOFT_BREAK] : [encoded];
  });
}
