import Handlebars from 'handlebars';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { HelperUseError } from './helpers.js';
import { eachNode, templateTree } from './template-nodes.js';
import { themeFiles, type Theme, type TemplateFile } from './theme.js';

export interface HandlebarsError extends Error {
  lineNumber?: number;
  column?: number;
}

/**
 * Problems a theme has before any issue is rendered: syntax errors and partials that do not
 * exist, in every file (partials compile only when used, so a broken one could hide).
 */
export function findTemplateErrors(theme: Theme): Diagnostic[] {
  const partials = new Set(theme.partials.map((partial) => partial.name));
  return themeFiles(theme).flatMap((template) => {
    let program: ReturnType<typeof Handlebars.parse>;
    try {
      program = templateTree(template.source);
    } catch (error) {
      return [templateSyntaxDiagnostic(error as HandlebarsError, template)];
    }
    return partialCalls(program)
      .filter((call) => !partials.has(call.name))
      .map((call) =>
        diagnostic('template/missing-partial', `the partial "${call.name}" does not exist (partials: ${[...partials].join(', ') || 'none'}; add partials/${call.name}.mjml)`, {
          file: template.file,
          line: call.line,
          column: call.column + 1,
        }),
      );
  });
}

interface PartialCall {
  name: string;
  line: number;
  /** 0-based, as Handlebars gives it. */
  column: number;
}

/** Every `{{> name}}` of a template, in nested blocks too. Dynamic names (`{{> (lookup …)}}`) are left to run time. */
function partialCalls(program: ReturnType<typeof Handlebars.parse>): PartialCall[] {
  const calls: PartialCall[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const statement = node as { type?: string; name?: { type?: string; original?: unknown }; loc?: { start: { line: number; column: number } } };
    if ((statement.type === 'PartialStatement' || statement.type === 'PartialBlockStatement') && statement.name?.type === 'PathExpression' && statement.loc) {
      calls.push({ name: String(statement.name.original), line: statement.loc.start.line, column: statement.loc.start.column });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && key !== 'name') visit(value);
  };
  visit(program.body);
  return calls;
}

/**
 * Handlebars' parse errors carry no position of their own; its lexer, which has just thrown,
 * still holds how much of the source it had read, which gives the offset of the mistake.
 */
function syntaxErrorOffset(error: HandlebarsError, source: string): number | null {
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { matched?: string; match?: string } } }).Parser?.lexer;
  if (typeof lexer?.matched !== 'string') return null;
  const offset = lexer.matched.length - (error.message.startsWith('Lexical error') ? 0 : (lexer.match ?? '').length);
  return offset <= source.length ? offset : null;
}

function syntaxErrorMessage(error: HandlebarsError): string {
  if (error.message.startsWith('Lexical error')) return 'Handlebars syntax error: unrecognized text';
  const reason = error.message.split('\n').at(-1)?.replace(/^Expecting .*, got '(\w+)'$/, 'unexpected $1') ?? error.message;
  return `Handlebars syntax error: ${reason}`;
}

function templateSyntaxDiagnostic(error: HandlebarsError, template: TemplateFile): Diagnostic {
  const offset = syntaxErrorOffset(error, template.source);
  const place = offset === null ? { line: error.lineNumber } : placeOf(template.source, offset);
  return diagnostic('template/syntax', syntaxErrorMessage(error), { file: template.file, ...place });
}

function placeOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * A failure while a theme runs (a helper misused, a block without its argument). Handlebars
 * gives the line and column but not the partial; the file is the one whose text at that place
 * opens a mustache, else the template being rendered.
 */
export function templateRuntimeDiagnostic(error: HandlebarsError, template: TemplateFile, theme: Theme): Diagnostic {
  const message = `the theme failed to render: ${error.message.split('\n')[0]}`;
  if (error.lineNumber !== undefined) {
    const file = locateFile(theme, error.lineNumber, error.column, /^\{\{/) ?? template;
    return diagnostic('template/render', message, { file: file.file, line: error.lineNumber, column: error.column === undefined ? undefined : error.column + 1 });
  }
  // Helpers throw without a place ("Must pass iterator to #each", "formatDate: needs a date"): find their calls.
  const helper = error instanceof HelperUseError ? error.helper : (/#(\w+)|^Missing helper: "([\w-]+)"/.exec(error.message)?.slice(1).find(Boolean) ?? null);
  const calls = helper ? filesUsedBy(template, theme).flatMap((file) => helperCalls(file, helper, /^Must pass/.test(error.message))) : [];
  const place = error instanceof HelperUseError ? error.place : null;
  // The call at the place Handlebars gave: a file, of those that template uses, calling the helper there.
  const failing = place ? calls.filter((call) => call.line === place.line && call.column === place.column) : [];
  if (failing.length === 1) return diagnostic('template/render', message, { file: failing[0]!.file.file, line: place!.line, column: place!.column + 1 });
  const first = calls[0];
  if (!first) return diagnostic('template/render', message, { file: theme.dir });
  const which = calls.length > 1 ? ` (the first of ${calls.length} uses of ${helper})` : '';
  return diagnostic('template/render', `${message}${which}`, { file: first.file.file, line: first.line, column: first.column + 1 });
}

/**
 * The template and the partials it calls, directly or through other partials, in theme order:
 * a helper that failed while the HTML rendered was not called by the text template's partials.
 */
function filesUsedBy(template: TemplateFile, theme: Theme): TemplateFile[] {
  const byName = new Map(theme.partials.map((partial) => [partial.name, partial]));
  const used = new Set<TemplateFile>([template]);
  const pending = [template];
  for (let file = pending.pop(); file; file = pending.pop()) {
    eachNode(templateTree(file.source).body, (node) => {
      const call = node as { type?: string; name?: { original?: unknown } };
      const partial = call.type === 'PartialStatement' || call.type === 'PartialBlockStatement' ? byName.get(String(call.name?.original)) : undefined;
      if (partial && !used.has(partial)) {
        used.add(partial);
        pending.push(partial);
      }
    });
  }
  return themeFiles(theme).filter((file) => used.has(file));
}

/** Where a theme file calls a helper: `{{name …}}`, `{{#name …}}` or `(name …)`; only calls without arguments when `bare`. */
function helperCalls(file: TemplateFile, helper: string, bare: boolean): { file: TemplateFile; line: number; column: number }[] {
  const found: { file: TemplateFile; line: number; column: number }[] = [];
  eachNode(templateTree(file.source).body, (node) => {
    const call = node as { type?: string; path?: { original?: unknown }; params?: unknown[]; loc?: { start: { line: number; column: number } } };
    const isCall = call.type === 'BlockStatement' || call.type === 'MustacheStatement' || call.type === 'SubExpression';
    if (isCall && call.path?.original === helper && call.loc && (!bare || call.params?.length === 0)) {
      found.push({ file, line: call.loc.start.line, column: call.loc.start.column });
    }
  });
  return found;
}

/** Strict-mode errors give a line and column but not the partial; find the file whose text matches. */
export function unknownVariableDiagnostic(name: string, error: HandlebarsError, theme: Theme): Diagnostic {
  const line = error.lineNumber;
  const column = error.column;
  const file = locateFile(theme, line, column, new RegExp(`^[\\w.@/]*\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  const expression = file && line !== undefined && column !== undefined ? /^[\w.@/]+/.exec(file.source.split('\n')[line - 1]!.slice(column))?.[0] : name;
  return diagnostic('template/unknown-variable', `unknown template variable "${expression ?? name}"`, {
    file: file?.file ?? theme.dir,
    line: file ? line : undefined,
    column: file && column !== undefined ? column + 1 : undefined,
    severity: 'warning',
  });
}

function locateFile(theme: Theme, line: number | undefined, column: number | undefined, pattern: RegExp): TemplateFile | undefined {
  if (line === undefined || column === undefined) return undefined;
  return themeFiles(theme).find((candidate) => pattern.test((candidate.source.split('\n')[line - 1] ?? '').slice(column)));
}

interface RecipientBlock {
  file: TemplateFile;
  source: string;
  /** Where the block's content starts: 1-based line, 0-based column. */
  line: number;
  column: number;
}

const RAW_BLOCK_OPENING = '{{{{recipient}}}}';

/** Every `{{{{recipient}}}}` block of a theme, with its content as written. */
function recipientBlocks(theme: Theme): RecipientBlock[] {
  return themeFiles(theme).flatMap((file) => {
    const found: RecipientBlock[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== 'object' || node === null) return;
      const block = node as { type?: string; path?: { original?: unknown }; program?: { body?: { value?: string }[] }; loc?: { start: { line: number; column: number } } };
      if (block.type === 'BlockStatement' && block.path?.original === 'recipient' && block.loc) {
        const source = (block.program?.body ?? []).map((part) => part.value ?? '').join('');
        found.push({ file, source, line: block.loc.start.line, column: block.loc.start.column + RAW_BLOCK_OPENING.length });
        return;
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
    };
    visit(templateTree(file.source).body);
    return found;
  });
}

/** A place inside a block's content, as a place in the theme file. */
function placeInBlock(block: RecipientBlock, line = 1, column = 0): { line: number; column: number } {
  return line === 1 ? { line: block.line, column: block.column + column + 1 } : { line: block.line + line - 1, column: column + 1 };
}

/**
 * A `{{{{recipient}}}}` block runs once per recipient, at send time, where a mistake would stop
 * a send half-way: each is compiled and run here against stand-in values for every list field.
 * Its values come from subscribers, so each must be HTML-escaped (`{{…}}`, never `{{{…}}}`).
 */
export function findRecipientBlockErrors(theme: Theme, values: object): Diagnostic[] {
  return recipientBlocks(theme).flatMap((block) => {
    const place = { file: block.file.file };
    let program: ReturnType<typeof Handlebars.parse>;
    try {
      program = templateTree(block.source);
    } catch (error) {
      const offset = syntaxErrorOffset(error as HandlebarsError, block.source) ?? 0;
      const at = placeOf(block.source, offset);
      return [diagnostic('template/syntax', syntaxErrorMessage(error as HandlebarsError), { ...place, ...placeInBlock(block, at.line, at.column - 1) })];
    }
    const raw = unescapedOutputs(program);
    if (raw.length > 0) {
      return raw.map((at) =>
        diagnostic('template/recipient-block', 'subscriber values must be HTML-escaped: write {{…}}, not {{{…}}}, in a {{{{recipient}}}} block (a name can hold markup)', { ...place, ...placeInBlock(block, at.line, at.column) }),
      );
    }
    try {
      const handlebars = Handlebars.create();
      handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
      handlebars.compile(block.source, { strict: true })(values);
      return [];
    } catch (error) {
      const failure = error as HandlebarsError;
      const unknown = /^"(.+)" not defined in/.exec(failure.message);
      // Strict mode names only the last segment (`nmae`); the source at the error's place has the whole path.
      const lineText = block.source.split('\n')[(failure.lineNumber ?? 1) - 1] ?? '';
      const expression = (unknown && /^[\w.@/]+/.exec(lineText.slice(failure.column ?? 0))?.[0]) || unknown?.[1];
      const message = unknown
        ? `"${expression}" is not a recipient field or helper in a {{{{recipient}}}} block: use subscriber.<column> (list columns beyond email and name go in the config's subscriber_fields), unsubscribe_url, #if, #unless, #each, #with or eq`
        : `a {{{{recipient}}}} block cannot run per recipient: ${failure.message.split('\n')[0]} (only subscriber fields, unsubscribe_url, #if, #unless, #each, #with and eq work there)`;
      return [diagnostic('template/recipient-block', message, { ...place, ...placeInBlock(block, failure.lineNumber, failure.column) })];
    }
  });
}

/** `{{{value}}}` and `{{& value}}`: output Handlebars does not escape. */
function unescapedOutputs(program: ReturnType<typeof Handlebars.parse>): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const statement = node as { type?: string; escaped?: boolean; loc?: { start: { line: number; column: number } } };
    if (statement.type === 'MustacheStatement' && statement.escaped === false && statement.loc) found.push(statement.loc.start);
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(program.body);
  return found;
}
