import { FRONT_MATTER_FIELDS } from './front-matter.js';

/**
 * A shortcut for the plainest front matter, read line by line without a YAML parser.
 *
 * Why: the `yaml` package costs about half a millisecond per header until the JIT has warmed it
 * up, so loading 1,000 articles once spent about half a second in it. Nearly every real header is
 * a few `key: value` lines (a quoted title, a date, a source, a one-line tag list, `draft: true`).
 *
 * Why it is safe: it accepts only a strict subset of YAML, where the value of each line is plain
 * to see, and gives up (null) on anything else: a tab, a comment, an indented or continued line,
 * an escape, a quote inside a quoted value, an unknown or repeated field, a word YAML could read
 * as a number or null, a closing line other than `---`. The caller then takes the full path
 * (gray-matter and `yaml`), which also gives every message and its place. For what it accepts it
 * yields the same data as `yaml` and the same body as gray-matter; a seeded fuzz in
 * test/front-matter-fast-path.test.ts checks that against the full path.
 */
export interface SimpleFrontMatter {
  /** The fields, as `yaml` would read them (strings, booleans, lists of strings). */
  data: Record<string, unknown>;
  /** The Markdown after the closing `---` line, as gray-matter cuts it. */
  body: string;
}

const OPENING = '---\n';
/** gray-matter ends the header at the first line starting with `---`; only a bare `---` is taken here. */
const CLOSING_PREFIX = '---';
const CLOSING = '---';

/** Tabs, CR, other control characters, a BOM and Unicode line breaks: each has rules of its own in YAML. */
const AWKWARD_CHARACTER = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;
/** `key: value` at column 1; trailing spaces are not part of the value (YAML drops them too). */
const FIELD_LINE = /^([a-z_]+): +(.*?) *$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
const FLOW_LIST = /^\[([^[\]{}]*)\]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A plain value starts with a letter, a digit, an opening curly quote or `/` (an image path): never a YAML indicator. */
const PLAIN_START = /^[\p{L}\p{N}“‘/]/u;
/** A comment, or a colon that would start a mapping. */
const PLAIN_STOPPER = /#|:(?: |$)/;
/** What the core schema could read as null, a boolean or a number, when the value has no space. */
const MAYBE_NOT_A_STRING = /^(?:\d|(?:null|true|false|yes|no|on|off|y|n)$)/i;
/** A tag in a one-line list: words, and a few joining marks that mean nothing in a flow list. */
const FLOW_ITEM = /^[\p{L}\p{N}][\p{L}\p{N} ._/+&-]*$/u;

/** The front matter and body of an article, when its header is simple enough to read here; null otherwise. */
export function readSimpleFrontMatter(text: string): SimpleFrontMatter | null {
  // gray-matter drops one leading BOM.
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!content.startsWith(OPENING)) return null;
  const data: Record<string, unknown> = {};
  let fields = 0;
  for (let start = OPENING.length; ; ) {
    const newline = content.indexOf('\n', start);
    const line = content.slice(start, newline === -1 ? content.length : newline);
    if (line.startsWith(CLOSING_PREFIX)) {
      if (line !== CLOSING || fields === 0) return null;
      return { data, body: newline === -1 ? '' : content.slice(newline + 1) };
    }
    // A header with no closing line: gray-matter takes the whole file as front matter.
    if (newline === -1) return null;
    start = newline + 1;
    if (line === '') continue;
    const field = fieldOf(line);
    if (!field || field.key in data) return null;
    data[field.key] = field.value;
    fields++;
  }
}

function fieldOf(line: string): { key: string; value: unknown } | null {
  if (AWKWARD_CHARACTER.test(line)) return null;
  const match = FIELD_LINE.exec(line);
  if (!match || !FRONT_MATTER_FIELDS.has(match[1]!)) return null;
  const value = valueOf(match[2]!);
  return value === undefined ? null : { key: match[1]!, value };
}

/** The value of a field, or undefined when it is not one of the simple forms. */
function valueOf(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (DATE.test(raw)) return raw;
  const quoted = DOUBLE_QUOTED.exec(raw) ?? SINGLE_QUOTED.exec(raw);
  if (quoted) return quoted[1];
  const list = FLOW_LIST.exec(raw);
  if (list) return flowListItems(list[1]!);
  return isPlainString(raw) ? raw : undefined;
}

function isPlainString(value: string): boolean {
  return PLAIN_START.test(value) && !PLAIN_STOPPER.test(value) && (value.includes(' ') || !MAYBE_NOT_A_STRING.test(value));
}

/** `[a, b c]` → `['a', 'b c']`; `[]` → `[]`. YAML trims the spaces around each item (only spaces: a no-break space stays). */
function flowListItems(inside: string): string[] | undefined {
  if (/^ *$/.test(inside)) return [];
  const items = inside.split(',').map((item) => item.replace(/^ +| +$/g, ''));
  return items.every((item) => FLOW_ITEM.test(item) && isPlainString(item)) ? items : undefined;
}
