import Handlebars from 'handlebars';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
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
      program = Handlebars.parse(template.source);
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
 * still holds how much of the source it had read, which gives the line and column.
 */
function templateSyntaxDiagnostic(error: HandlebarsError, template: TemplateFile): Diagnostic {
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { matched?: string; match?: string } } }).Parser?.lexer;
  const lexical = error.message.startsWith('Lexical error');
  const offset = typeof lexer?.matched === 'string' ? lexer.matched.length - (lexical ? 0 : (lexer.match ?? '').length) : null;
  const place = offset !== null && offset <= template.source.length ? placeOf(template.source, offset) : { line: error.lineNumber, column: undefined };
  const reason = error.message.split('\n').at(-1)?.replace(/^Expecting .*, got '(\w+)'$/, "unexpected $1") ?? error.message;
  return diagnostic('template/syntax', `Handlebars syntax error: ${lexical ? 'unrecognized text' : reason}`, { file: template.file, ...place });
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
  // Built-in helpers throw without a place ("Must pass iterator to #each"): find the one block they can mean.
  const helper = /#(\w+)/.exec(error.message)?.[1];
  const candidates = helper ? themeFiles(theme).flatMap((file) => blocksWithoutArguments(file, helper)) : [];
  const only = candidates.length === 1 ? candidates[0]! : null;
  return diagnostic('template/render', message, only ? { file: only.file.file, line: only.line, column: only.column + 1 } : { file: theme.dir });
}

function blocksWithoutArguments(file: TemplateFile, helper: string): { file: TemplateFile; line: number; column: number }[] {
  const found: { file: TemplateFile; line: number; column: number }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const block = node as { type?: string; path?: { original?: unknown }; params?: unknown[]; loc?: { start: { line: number; column: number } } };
    if (block.type === 'BlockStatement' && block.path?.original === helper && block.params?.length === 0 && block.loc) {
      found.push({ file, line: block.loc.start.line, column: block.loc.start.column });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(Handlebars.parse(file.source).body);
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
