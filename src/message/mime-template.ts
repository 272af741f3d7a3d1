import { randomBytes } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encode } from 'nodemailer/lib/qp';
import type MimeNode from 'nodemailer/lib/mime-node';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import { textSlices } from '../output/chunks.js';
import type { OutboundMessage, RenderedEmail } from '../types.js';
import { composeMessage, toMailOptions, type Envelope } from './compose.js';
import { encodeQuotedPrintable } from './quoted-printable.js';
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
 * MailComposer builds the header block once per shape of copy (see headerWriter); each copy then
 * has only its own fields (To, Date, Message-ID, the list headers) encoded, by nodemailer's encoder.
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

  const writeHeaders = headerWriter(composer);

  return {
    assemble(values, envelope, messageId) {
      const message = composeMessage(email.subject, { html: htmlStandIn, text: textStandIn }, envelope, messageId);
      const headers = Buffer.from(writeHeaders(message), 'utf8');
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

/** The header fields of a copy as nodemailer writes them: its own, and those every copy of its shape shares. */
type HeaderField = { shared: string } | { own: string };

/** The part of nodemailer's MIME node that encodes one header value, as its buildHeaders does. */
interface HeaderEncoder {
  encodeHeaderValue(key: string, value: unknown): string;
}

/**
 * The fields given per copy: the address, the date and id, and every custom header (the list
 * headers, which carry the reader's own unsubscribe link). The others (From, Subject, MIME-Version,
 * Content-Type) come from the issue and the config, the same in every copy.
 */
const OWN_FIELDS = ['to', 'date', 'message-id'];

/** Fields nodemailer sets itself: a custom header of one of these names takes its place in the block. */
const NODEMAILER_FIELDS = new Set([...OWN_FIELDS, 'from', 'subject', 'mime-version', 'content-type', 'content-transfer-encoding']);

/**
 * Fields nodemailer formats itself (its FORMATTED_HEADERS). A prepared custom header of one of
 * these names is not written as given: buildHeaders parses the option object, not its value, so
 * what it writes (nothing for an address field such as Reply-To) does not depend on the value.
 * Such a field is shared, never filled per copy.
 */
const FORMATTED_FIELDS = new Set(['from', 'sender', 'to', 'cc', 'bcc', 'reply-to', 'date', 'references']);

/**
 * Writes a copy's header block, byte for byte what `composer(toMailOptions(message)).buildHeaders()`
 * writes, without building nodemailer's MIME tree for each copy. That tree (three nodes, the
 * envelope, address parsing of every field), made and dropped per message, was most of the garbage
 * a send made per message, and much of it outlived a young-generation collection, filling old
 * space until a full one. nodemailer builds the block once per shape (the same From, Subject and
 * custom header names) and every field a copy has of its own is encoded per copy by the same
 * node's encoder and folded the same way (buildHeaders: foldLines at 76), or written as it is
 * when nodemailer would (a prepared custom header).
 */
function headerWriter(composer: (options: Mail.Options) => MimeNode): (message: OutboundMessage) => string {
  const frames = new Map<string, { fields: HeaderField[]; encoder: HeaderEncoder } | null>();
  const whole = (message: OutboundMessage) => composer(toMailOptions(message)).buildHeaders();
  return (message) => {
    // A header nodemailer skips (an empty value) changes the block's shape: part of the key.
    const custom = Object.entries(message.headers).filter(([, value]) => value.trim() !== '');
    const shape = JSON.stringify([message.from, message.replyTo, message.subject, custom.map(([key]) => key), Object.keys(message.headers).length]);
    let frame = frames.get(shape);
    if (frame === undefined) {
      frame = headerFrame(composer, message, custom.map(([key]) => key));
      frames.set(shape, frame);
    }
    if (frame === null) return whole(message);
    const own = ownValues(message);
    const lines: string[] = [];
    for (const field of frame.fields) {
      if ('shared' in field) {
        lines.push(field.shared);
        continue;
      }
      const lower = field.own.toLowerCase();
      const customValue = own.custom.get(lower);
      if (customValue !== undefined) {
        lines.push(`${field.own}: ${customValue}`);
        continue;
      }
      const encoded = frame.encoder.encodeHeaderValue(field.own, own.fields.get(lower));
      // buildHeaders leaves out a field whose value encodes to nothing.
      if (encoded.trim() !== '') lines.push(foldLines(`${field.own}: ${encoded}`, 76));
    }
    return lines.join('\r\n');
  };
}

/** The values of a copy's own fields, by lower-case field name. */
function ownValues(message: OutboundMessage): { fields: Map<string, unknown>; custom: Map<string, string> } {
  return {
    fields: new Map<string, unknown>([
      ['to', message.to],
      ['date', message.date],
      ['message-id', message.messageId],
    ]),
    custom: new Map(Object.entries(message.headers).map(([key, value]) => [key.toLowerCase(), value])),
  };
}

/**
 * nodemailer's header block for one copy, cut into fields: those of the copy's own kept as names
 * to fill, the rest kept as written. Null when a field cannot be told apart (every copy of that
 * shape is then built whole by nodemailer).
 */
function headerFrame(
  composer: (options: Mail.Options) => MimeNode,
  message: OutboundMessage,
  customKeys: readonly string[],
): { fields: HeaderField[]; encoder: HeaderEncoder } | null {
  if (customKeys.some((key) => NODEMAILER_FIELDS.has(key.toLowerCase()))) return null;
  const node = composer(toMailOptions(message));
  const ownCustom = customKeys.map((key) => key.toLowerCase()).filter((key) => !FORMATTED_FIELDS.has(key));
  const own = new Set([...OWN_FIELDS, ...ownCustom]);
  const fields: HeaderField[] = [];
  const seen = new Set<string>();
  // A folded field continues on lines that start with a space or a tab.
  for (const field of node.buildHeaders().split(/\r\n(?![ \t])/)) {
    const name = /^([^:\s]+):/.exec(field)?.[1];
    if (!name) return null;
    const lower = name.toLowerCase();
    // A field written twice could not be filled from one value per name.
    if (seen.has(lower)) return null;
    seen.add(lower);
    fields.push(own.has(lower) ? { own: name } : { shared: field });
  }
  // Every own field must be there: one left out in this copy (empty) may not be in another.
  if ([...OWN_FIELDS, ...ownCustom].some((name) => !seen.has(name))) return null;
  return { fields, encoder: node as unknown as HeaderEncoder };
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
    const encoded = Buffer.from(encodeQuotedPrintable(slice.replace(/\r?\n/g, '\r\n'), followed ? LINE_LENGTH - 1 : LINE_LENGTH), 'latin1');
    return followed ? [encoded, SOFT_BREAK] : [encoded];
  });
}
