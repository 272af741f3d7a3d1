import path from 'node:path';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { inCommandLineWords } from './option-wording.js';

/** Colour only on a terminal, never when NO_COLOR is set (https://no-color.org), always with FORCE_COLOR. */
export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
export type Color = keyof typeof CODES;

export function paint(stream: NodeJS.WriteStream): (color: Color, text: string) => string {
  const enabled = colorEnabled(stream);
  return (color, text) => (enabled ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text);
}

/** The working folder, or null when it is gone (deleted while the command ran in it): then paths are shown whole. */
function workingFolder(): string | null {
  try {
    return process.cwd();
  } catch {
    return null;
  }
}

/** A file as people read it: relative to the working folder when it is inside it. */
export function shownPath(file: string, cwd = workingFolder()): string {
  if (!path.isAbsolute(file) || cwd === null) return file;
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Diagnostics as people and scripts read them: the library keeps every `file` absolute, and
 * the CLI makes it relative here, for the lines it prints and the JSON it writes alike.
 */
export function shownDiagnostics(diagnostics: readonly Diagnostic[], cwd = workingFolder()): Diagnostic[] {
  return diagnostics.map((d) => (d.file ? { ...d, file: shownPath(d.file, cwd) } : d));
}

// C0 and C1 control characters and DEL: from a file name or an excerpt of the input, a terminal
// would act on them (clear the screen, set its title) or a line break split the diagnostic.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/g;

/** The line with each control character written as an escape (`\n`, `\u001b`), so that it is shown, not obeyed. */
export function withoutControlCharacters(line: string): string {
  return line.replace(CONTROL_CHARACTER, (character) => (character === '\n' ? '\\n' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** One line per diagnostic, errors in red and warnings in yellow, on stderr; paths are made relative only here. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream = process.stderr): void {
  const color = paint(stream);
  for (const d of shownDiagnostics(diagnostics).map(inCommandLineWords)) {
    const line = withoutControlCharacters(formatDiagnostic(d));
    stream.write(`${d.severity === 'error' ? color('red', line) : d.severity === 'warning' ? color('yellow', line) : line}\n`);
  }
}

/**
 * A one-line progress bar on a terminal (redrawn in place); nothing otherwise, so logs
 * and pipes get only the plain lines the command prints itself.
 */
export function progressBar(
  total: number,
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  count: (done: number, total: number) => string = (done) => `${done}/${total}`,
) {
  // A terminal that cannot move the cursor back (`TERM=dumb`) would print every redraw.
  const active = Boolean(stream.isTTY) && total > 1 && process.env.TERM !== 'dumb';
  let done = 0;
  const draw = (extra = '') => {
    if (!active) return;
    const width = 24;
    const filled = Math.round((Math.min(done, total) / total) * width);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count(done, total)}${extra ? ` ${extra}` : ''}`;
    // Kept within the terminal's width: a line that wraps is not redrawn in place but repeated.
    const columns = stream.columns ?? Infinity;
    stream.write(`\r${columns > 1 && line.length >= columns ? line.slice(0, columns - 1) : line}\u001b[K`);
  };
  return {
    tick(extra?: string) {
      done++;
      draw(extra);
    },
    /** Sets how much is done, for work measured in something other than steps (bytes read). */
    update(to: number, extra?: string) {
      done = to;
      draw(extra);
    },
    stop() {
      if (active) stream.write('\r\u001b[K');
    },
  };
}
