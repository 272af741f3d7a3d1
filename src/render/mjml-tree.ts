import path from 'node:path';
import { Parser } from 'htmlparser2';
import { sourceOf } from '../diagnostics/source.js';
import type { Diagnostic } from '../types.js';
import { ENDING_TAGS, MJML_PARSER_OPTIONS, TagRepairs } from './mjml-tags.js';

/** A node as mjml-parser-xml leaves it. */
export interface MjmlNode {
  file: string;
  absoluteFilePath: string;
  line: number;
  includedIn: never[];
  tagName: string;
  attributes?: Record<string, string | boolean>;
  children?: MjmlNode[];
  content?: string;
}

/** MJML reads attribute values "true" and "false" as booleans. Changed in place: the parser hands each tag a fresh object. */
function withBooleans(attributes: Record<string, string | boolean>): Record<string, string | boolean> {
  for (const name in attributes) {
    const value = attributes[name];
    if (value === 'true') attributes[name] = true;
    else if (value === 'false') attributes[name] = false;
  }
  return attributes;
}

/** The tree mjml2html would parse the document into (see `parseMjml`). */
export function mjmlTree(source: string): MjmlNode {
  return parseMjml(source, '.').tree;
}

/**
 * The tree mjml2html would parse the document into, for the options Gazette compiles with (no
 * includes, no comments kept, no preprocessors), built the same way from the same parser events,
 * and the tags MJML's parser would quietly repair, as problems in `file` (mjml-tags.ts): one
 * reading of a document that is as large as the issue.
 * MJML's own parser finds each tag's line by scanning the list of line starts from the end, so
 * its time grows with tags × lines: most of a 10,000-article build went there. Here the line is
 * found by binary search, and mjml2html is handed the tree.
 */
export function parseMjml(source: string, file: string): { tree: MjmlNode; problems: Diagnostic[] } {
  const { placeOf } = sourceOf('', source);
  const lineOf = (offset: number) => placeOf(offset).line;
  const repairs = new TagRepairs(source, file);
  // mjml-parser-xml resolves the file path '.' against the directory '.' for every node.
  const absoluteFilePath = path.resolve('.', '.');
  const includedIn: never[] = [];
  let root: MjmlNode | null = null;
  // The open nodes, innermost last. What mjml-parser-xml leaves has no parent links, no empty
  // children list and an attributes object on every node: built so from the start, as no property
  // is deleted (a deleted property turns a node into a slow dictionary for every later reader).
  const open: MjmlNode[] = [];
  // Inside an ending tag (mj-text, mj-raw…) the content is kept as written, not parsed into nodes.
  let endingDepth = 0;
  const endingTag = { startIndex: 0, endIndex: 0 };

  const parser = new (class extends Parser {
    /** The parser ignores a closing tag that matches nothing open, without an event: the repairs see it on the way in. */
    override onclosetag(start: number, endIndex: number): void {
      repairs.closingTag(start, endIndex);
      super.onclosetag(start, endIndex);
    }
  })(
    {
      onopentag(name, attributes) {
        repairs.opened(name, parser.startIndex, parser.endIndex);
        const isEnding = ENDING_TAGS.has(name);
        if (endingDepth > 0) {
          if (isEnding) endingDepth += 1;
          return;
        }
        if (isEnding) {
          endingDepth += 1;
          endingTag.startIndex = parser.startIndex;
          endingTag.endIndex = parser.endIndex;
        }
        const line = lineOf(parser.startIndex);
        // mjml2html ignores includes unless asked (`ignoreIncludes: false`): no node, and its closing tag pops nothing.
        if (name === 'mj-include') return;
        const node: MjmlNode = { file: '.', absoluteFilePath, line, includedIn, tagName: name, attributes: withBooleans(attributes) };
        const parent = open.at(-1);
        if (parent) (parent.children ??= []).push(node);
        else root = node;
        open.push(node);
      },
      onclosetag(name, isImplied) {
        repairs.closed(name, isImplied, parser.endIndex);
        if (ENDING_TAGS.has(name)) {
          endingDepth -= 1;
          const selfClosing = endingTag.startIndex === parser.startIndex && endingTag.endIndex === parser.endIndex;
          if (endingDepth === 0 && !selfClosing) {
            const inner = source.substring(endingTag.endIndex + 1, parser.endIndex).trim();
            const content = inner.substring(0, inner.lastIndexOf(`</${name}`));
            if (content) open.at(-1)!.content = content.trim();
          }
        }
        if (endingDepth > 0) return;
        if (name !== 'mj-include') open.pop();
      },
      ontext(text) {
        const current = open.at(-1);
        if (endingDepth > 0 || !current || !text.trim()) return;
        current.content = `${current.content ?? ''}${text.trim()}`.trim();
      },
    },
    MJML_PARSER_OPTIONS,
  );
  parser.write(source);
  parser.end();
  if (!root) throw new Error('Parsing failed. Check your mjml.');
  return { tree: root, problems: repairs.problems() };
}
