import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { fileErrorReason } from '../load/file-error.js';
import { encodingFromBom, normalizeNewlines, type TextEncoding } from '../load/text-file.js';
import { emailColumn, recipientFromRow, withoutDuplicate, type ListEntry } from './list-entry.js';
import { SeenAddresses } from './seen-addresses.js';

export interface CsvListOptions {
  /** Columns the templates use (`subscriber_fields`); a list without them cannot be sent. */
  requiredColumns?: readonly string[];
}

/**
 * A CSV subscriber list, opened so an unreadable file fails before anything else happens,
 * then read as a stream: a list of any length costs the memory of one row at a time (the
 * addresses read so far, which catch duplicates, are kept on disk: seen-addresses.ts).
 */
export class CsvList {
  /** Bytes of the file read so far, for a progress display (`size` is the whole file). */
  bytesRead = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly file: string,
    private readonly requiredColumns: readonly string[],
    readonly size: number,
  ) {}

  static async open(file: string, options: CsvListOptions = {}): Promise<CsvList> {
    try {
      const handle = await open(file, 'r');
      const stats = await handle.stat();
      if (stats.isDirectory()) {
        await handle.close();
        throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
      }
      return new CsvList(handle, file, options.requiredColumns ?? [], stats.size);
    } catch (error) {
      throw new GazetteError([diagnostic('subscribers/unreadable', `cannot read the subscriber list: ${fileErrorReason(error)}`, { file })]);
    }
  }

  /** Every row in order: recipients, and the rows skipped with the reason and line number. */
  async *entries(): AsyncGenerator<ListEntry> {
    const file = this.file;
    const encoding = await sniffEncoding(this.handle);
    const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
    // pipeline, not pipe: a decoding error must reach the loop below, not vanish with the stream.
    const fileStream = this.handle.createReadStream({ start: 0, autoClose: true });
    this.bytesRead = 0;
    fileStream.on('data', (chunk: string | Buffer) => {
      this.bytesRead += chunk.length;
    });
    pipeline(fileStream, textDecoder(encoding), parser, () => undefined);
    const seen = new SeenAddresses();
    let header: string[] | null = null;
    let previous = { lines: 0, empty_lines: 0, comment_lines: 0 };
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: typeof previous }>) {
        // csv-parse reports the line a record ends on; a quoted field can span lines, so the
        // start is found from where the previous record ended and the blank lines skipped since.
        const line = previous.lines + 1 + (info.empty_lines - previous.empty_lines) + (info.comment_lines - previous.comment_lines);
        previous = info;
        if (!header) {
          header = this.checkedHeader(record, line);
          continue;
        }
        yield withoutDuplicate(recipientFromRow(header, record, { file, line }), seen, file);
      }
    } catch (error) {
      if (isDecodingError(error)) {
        throw new GazetteError([
          diagnostic('subscribers/encoding', `the list is not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()}: save it as UTF-8 (a spreadsheet's "CSV UTF-8" format)`, { file }),
        ]);
      }
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines;
        throw new GazetteError([diagnostic('subscribers/csv', `the list is not valid CSV: ${error.message}`, { file, line })]);
      }
      throw error;
    } finally {
      parser.destroy();
      seen.close();
    }
    if (!header) throw new GazetteError([diagnostic('subscribers/empty', 'the list is empty; its first line must name the columns, e.g. email,name', { file, line: 1 })]);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  private checkedHeader(record: string[], line: number): string[] {
    if (emailColumn(record) < 0) {
      throw new GazetteError([
        diagnostic('subscribers/no-email-column', `the first line must name the columns and include "email"; found: ${record.join(', ')}`, { file: this.file, line }),
      ]);
    }
    const columns = new Set(record.map((column) => column.trim()));
    const missing = this.requiredColumns.filter((column) => !columns.has(column));
    if (missing.length > 0) {
      throw new GazetteError([
        diagnostic('subscribers/missing-column', `the templates use subscriber fields the list lacks: ${missing.join(', ')} (config: subscriber_fields)`, { file: this.file, line }),
      ]);
    }
    return record;
  }
}

/**
 * UTF-8 unless a byte order mark says UTF-16 (what spreadsheets write for "Unicode text").
 * Anything else must be UTF-8: a Latin-1 list is refused, never read with U+FFFD in its names.
 */
async function sniffEncoding(handle: FileHandle): Promise<TextEncoding> {
  const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(3), position: 0 });
  return encodingFromBom(buffer.subarray(0, bytesRead)) ?? 'utf-8';
}

/** Bytes to UTF-8 text, the byte order mark dropped; an invalid sequence is an error, not U+FFFD. */
function textDecoder(encoding: TextEncoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  // Line ends become LF, as for every other input, so a CRLF inside a quoted field counts as one
  // line and the line numbers of later rows stay right. A CR at a chunk's end waits for the next.
  let heldCarriageReturn = false;
  const lines = (text: string, last: boolean) => {
    let joined = `${heldCarriageReturn ? '\r' : ''}${text}`;
    heldCarriageReturn = !last && joined.endsWith('\r');
    if (heldCarriageReturn) joined = joined.slice(0, -1);
    return normalizeNewlines(joined);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, lines(decoder.decode(chunk, { stream: true }), false));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, lines(decoder.decode(), true));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

function isDecodingError(error: unknown): boolean {
  return error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}
