import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { prose } from './front-matter.js';
import { normalizeNewlines } from './text-file.js';
import { yamlValue } from './yaml-value.js';

/**
 * `_intro.md`: the editor's words above the contents, and optionally, in a front matter
 * block, this issue's own subject and inbox preview line.
 */
export interface Intro {
  /** The Markdown after the front matter. */
  markdown: string;
  /** The subject for this issue; `{name}`, `{number}`, `{lead}` and the like are replaced as in the config's `title`. */
  subject: string | null;
  /** The inbox preview line for this issue. */
  preheader: string | null;
  diagnostics: Diagnostic[];
}

export const introSchema = z.object({
  subject: prose.nullable().default(null),
  preheader: prose.nullable().default(null),
});

const INTRO_FIELDS = Object.keys(introSchema.shape);
const FRONT_MATTER = /^\uFEFF?---\n([\s\S]*?)\n---(?:\n|$)/;

/** Reads `_intro.md`; a file without a front matter block is all Markdown, as before the block existed. */
export function parseIntro(file: string, content: string): Intro {
  const text = normalizeNewlines(content);
  const block = FRONT_MATTER.exec(text);
  if (!block) return { markdown: text, subject: null, preheader: null, diagnostics: [] };
  const markdown = text.slice(block[0].length);
  const none = (diagnostics: Diagnostic[]): Intro => ({ markdown, subject: null, preheader: null, diagnostics });
  // The block's own lines start on line 2 of the file.
  const lineCounter = new LineCounter();
  const document = parseDocument(block[1]!, { lineCounter, uniqueKeys: true, logLevel: 'error' });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: 2 };
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  if (document.errors.length > 0) {
    return none(document.errors.map((error) => diagnostic('front-matter/yaml', `invalid YAML: ${error.message.split('\n')[0]}`, { file, ...at(error.pos[0]) })));
  }
  const value = yamlValue(document, lineCounter);
  if (!value.ok) return none([diagnostic('front-matter/yaml', value.message, { file, line: value.line && value.line + 1, column: value.column })]);
  const data = value.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return none([diagnostic('front-matter/shape', 'the front matter must be a set of `field: value` lines', { file, line: 2, column: 1 })]);
  }
  const placeOf = (field: string) => at((document.get(field, true) as { range?: [number, number, number] } | undefined)?.range?.[0]);
  const diagnostics = Object.keys(data)
    .filter((key) => !INTRO_FIELDS.includes(key))
    .map((key) => diagnostic('front-matter/unknown-field', `unknown field (known in _intro.md: ${INTRO_FIELDS.join(', ')})`, { file, field: key, severity: 'warning', ...placeOf(key) }));
  const result = introSchema.safeParse(data);
  if (!result.success) {
    return none([
      ...diagnostics,
      ...result.error.issues.map((issue) => diagnostic('front-matter/invalid', issue.message, { file, field: issue.path.map(String).join('.'), ...placeOf(String(issue.path[0])) })),
    ]);
  }
  return { markdown, subject: result.data.subject, preheader: result.data.preheader, diagnostics };
}
