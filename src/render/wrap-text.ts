/** The width plain-text mail is written to: 78 characters (RFC 5322 §2.1.1), as html-to-text wraps. */
export const TEXT_WIDTH = 78;

/** What a continued line is indented under: leading spaces and a list mark (`*`, `-`, `•`, `—`, `12.`). */
const HANGING_PREFIX = /^ *(?:(?:[*•–—-]|\d+[.)]) +)?/;

/** The `> ` marks of a quotation (the intro's blockquote): repeated on each continued line, which would otherwise read as unquoted. */
const QUOTE_MARKS = /^(?:> )+/;

/**
 * Plain text wrapped at `width` columns, a line at a time: a line too long breaks between words,
 * and its continuation is indented under the text after its list mark, so ` * a key point…`
 * keeps its bullet standing out, and a quotation's continuation keeps its `> `. A word longer
 * than the width (a long URL) gets a line of its own and is never cut. `keepWhole` names spans
 * that must not break (per-recipient blocks).
 */
export function wrapText(text: string, width = TEXT_WIDTH, keepWhole?: RegExp): string {
  const wrapLines = (lines: string) => lines.split('\n').map((line) => wrapLine(line, width)).join('\n');
  if (!keepWhole || text.search(keepWhole) === -1) return wrapLines(text);
  // Each kept span stands in as one word, written with a character the text does not hold.
  const mark = absentCharacter(text);
  const kept: string[] = [];
  const guarded = text.replace(keepWhole, (span) => `${mark}${kept.push(span) - 1}${mark}`);
  return wrapLines(guarded).replace(new RegExp(`${mark}(\\d+)${mark}`, 'g'), (_, index: string) => kept[Number(index)]!);
}

/** The first character of the Private Use Area that `text` does not contain. */
function absentCharacter(text: string): string {
  for (let code = 0xe000; ; code++) {
    const character = String.fromCharCode(code);
    if (!text.includes(character)) return character;
  }
}

function wrapLine(line: string, width: number): string {
  const trimmed = line.trimEnd();
  if (trimmed.length <= width) return trimmed;
  const quoteMarks = QUOTE_MARKS.exec(trimmed)?.[0] ?? '';
  const prefix = quoteMarks + HANGING_PREFIX.exec(trimmed.slice(quoteMarks.length))![0];
  const indent = quoteMarks + ' '.repeat(prefix.length - quoteMarks.length);
  const words = trimmed.slice(prefix.length).split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let current = prefix;
  let empty = true;
  for (const word of words) {
    if (!empty && current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent + word;
    } else {
      current = empty ? current + word : `${current} ${word}`;
    }
    empty = false;
  }
  lines.push(current);
  return lines.join('\n');
}
