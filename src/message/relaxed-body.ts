/**
 * DKIM's "relaxed" body canonicalization (RFC 6376 section 3.4.4), the one nodemailer signs
 * with: whitespace at a line's end dropped, runs of it inside a line made one space, every line
 * ended with CRLF, empty lines at the end of the body left out.
 *
 * It is resumable: a body is canonicalized a piece at a time, each piece from the state the one
 * before it ended in. The same piece from the same state always gives the same bytes, which is
 * what lets a message template canonicalize the text every copy shares once per issue.
 */

/** Where canonicalization stands between two pieces of a body. */
export interface RelaxedState {
  /** The current line has had a byte other than whitespace. */
  readonly content: boolean;
  /** Whitespace since the line's last content byte: one space, if more content follows on the line. */
  readonly space: boolean;
  /** A CR, kept until the next byte says whether it ends the line or is content. */
  readonly cr: boolean;
  /** Empty lines since the last content: part of the body only if content follows them. */
  readonly emptyLines: number;
}

export interface RelaxedPiece {
  bytes: Buffer;
  /** The state the next piece starts from. */
  state: RelaxedState;
}

export const BODY_START: RelaxedState = { content: false, space: false, cr: false, emptyLines: 0 };

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** One piece of a body, canonicalized from `from`; `last` for the body's final piece. */
export function relaxPiece(piece: Buffer, from: RelaxedState, last = false): RelaxedPiece {
  let { content, space, cr, emptyLines } = from;
  // Each byte gives at most two (a CR before a bare LF, or an empty line's CRLF); the state's
  // pending empty lines, space and CR may come first.
  const out = Buffer.allocUnsafe(piece.length * 2 + from.emptyLines * 2 + 8);
  let at = 0;
  const emit = (byte: number) => {
    // Empty lines belong to the body only once content follows them.
    for (; !content && emptyLines > 0; emptyLines--) {
      out[at++] = CR;
      out[at++] = LF;
    }
    content = true;
    if (space) out[at++] = SPACE;
    space = false;
    out[at++] = byte;
  };
  for (const byte of piece) {
    if (byte === LF) {
      // A line ends: a CR before it and whitespace at its end are dropped.
      if (content) {
        out[at++] = CR;
        out[at++] = LF;
      } else {
        emptyLines++;
      }
      content = space = cr = false;
      continue;
    }
    if (cr) emit(CR);
    cr = byte === CR;
    if (cr) continue;
    if (byte === SPACE || byte === TAB) space = true;
    else emit(byte);
  }
  if (last) {
    // A CR at the very end of the body is content; a last line with content still ends with CRLF.
    if (cr) emit(CR);
    cr = false;
    if (content) {
      out[at++] = CR;
      out[at++] = LF;
    }
  }
  return { bytes: out.subarray(0, at), state: { content, space, cr, emptyLines } };
}
