/** A text the findings point into: its file name and a way to turn offsets into places. */
export interface Source {
  /** Path shown in findings (the written file, relative to the workspace where possible). */
  file: string;
  text: string;
  /** 1-based line and column of a string offset. */
  placeOf(offset: number): { file: string; line: number; column: number };
}

export function sourceOf(file: string, text: string): Source {
  // Found on the first place asked for: a clean email (megabytes of HTML) asks for none.
  let lineStarts: number[] | null = null;
  return {
    file,
    text,
    placeOf(offset) {
      lineStarts ??= lineStartsOf(text);
      // The last line start at or before the offset, by binary search: sources run to thousands of lines.
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return { file, line: low + 1, column: offset - lineStarts[low]! + 1 };
    },
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}
