import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { textSlices } from './chunks.js';

/**
 * A file's content, or what makes it when it is written (whole, or in pieces): large files made
 * one at a time are never all in memory at once.
 */
export type FileContent = string | Uint8Array | (() => string | Uint8Array | Iterable<string>);

/**
 * Replaces `dir` with a folder holding exactly `files`, so readers see either the old
 * output or the new one, never a mix: everything is written beside it first, then swapped in.
 */
export async function replaceDirectory(dir: string, files: Readonly<Record<string, FileContent>>): Promise<void> {
  const parent = path.dirname(dir);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(parent, `.${path.basename(dir)}.new-${stamp}`);
  const retired = path.join(parent, `.${path.basename(dir)}.old-${stamp}`);
  await mkdir(staging, { recursive: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
      const made = typeof content === 'function' ? content() : content;
      const file = path.join(staging, name);
      // A string is written slice by slice: as one, it would be copied whole into a buffer first.
      if (made instanceof Uint8Array) await writeFile(file, made);
      else await writeText(file, typeof made === 'string' ? textSlices(made) : made);
    }
    const hadPrevious = await rename(dir, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    try {
      await rename(staging, dir);
    } catch (error) {
      if (hadPrevious) await rename(retired, dir);
      throw error;
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Bytes gathered before each write. A large issue's files come in thousands of small pieces: one
 * write each would make each a round trip to the file system's thread; this makes a few dozen.
 */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Writes `pieces` as UTF-8 to a new file, gathered into large writes. */
async function writeText(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    const flush = async () => {
      for (let written = 0; written < used; ) written += (await handle.write(buffer, written, used - written)).bytesWritten;
      used = 0;
    };
    for (const piece of pieces) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8.
      if (used + piece.length * 3 > WRITE_BUFFER_BYTES) await flush();
      if (piece.length * 3 > WRITE_BUFFER_BYTES) await handle.writeFile(piece);
      else used += buffer.write(piece, used);
    }
    await flush();
  } finally {
    await handle.close();
  }
}

/** Writes one file atomically: a temporary sibling renamed over the target. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
