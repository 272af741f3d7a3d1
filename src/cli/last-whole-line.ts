/**
 * Output that stopped mid-line (a disk that filled while a batch was written to a file) cut back
 * to its last whole line, so that a reader of the file never meets half a line.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';

// How much of the file's end is read at a time, looking for its last line break.
const TAIL_BYTES = 64 * 1024;

/** The size of the regular file open on `fd`, before anything is written to it; 0 for anything else. */
export function regularFileSize(fd: number): number {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}

/**
 * Truncates the regular file open on `fd` to just past its last line break after `from` (where
 * this process began writing: what was there before, `>>`, is not ours to cut), or to `from`
 * when it wrote no whole line. A file that ends with a line break is left as it is, and so is
 * anything but a regular file, or a file the system cannot read back: cutting back is a courtesy,
 * the failure is reported anyway.
 */
export function cutToLastWholeLine(fd: number, from: number): void {
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size <= from) return;
    // Output is mostly open for writing only (`> out.jsonl`): read it back through the same file.
    const reader = openSync(`/proc/self/fd/${fd}`, 'r');
    try {
      ftruncateSync(fd, lastLineEnd(reader, from, stats.size));
    } finally {
      closeSync(reader);
    }
  } catch {
    // Left as written.
  }
}

/** The offset just past the last line break in `[from, size)` of the file, or `from` when it has none. */
function lastLineEnd(reader: number, from: number, size: number): number {
  const buffer = Buffer.alloc(Math.min(TAIL_BYTES, size - from));
  for (let end = size; end > from; end -= buffer.length) {
    const start = Math.max(from, end - buffer.length);
    const read = readSync(reader, buffer, 0, end - start, start);
    const lastBreak = buffer.subarray(0, read).lastIndexOf(0x0a);
    if (lastBreak >= 0) return start + lastBreak + 1;
  }
  return from;
}
