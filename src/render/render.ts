import Handlebars from 'handlebars';
import { convert } from 'html-to-text';
import mjml2html from 'mjml';
import { diagnostic, GazetteError } from '../diagnostics.js';
import type { Diagnostic, Digest, RenderedEmail } from '../types.js';
import { issueContext, type ContextSettings, type IssueContext } from './context.js';
import { themeHelpers } from './helpers.js';
import { findMjmlTagErrors } from './mjml-tags.js';
import { themeFiles, type Theme, type TemplateFile } from './theme.js';

/** The name diagnostics use for the MJML produced by the issue-level pass (written as email.mjml). */
export const MJML_FILE = 'email.mjml';

export interface RenderResult {
  email: RenderedEmail;
  diagnostics: Diagnostic[];
}

/**
 * Renders an issue once: the Handlebars pass fills in the issue, MJML compiles the result,
 * and only per-recipient fields remain as tokens for `personalize`.
 */
export async function renderEmail(digest: Digest, theme: Theme, settings: ContextSettings): Promise<RenderResult> {
  const context = issueContext(digest, settings);
  const diagnostics: Diagnostic[] = [];
  assertTemplatesParse(theme);
  const mjml = fillTemplate(theme.layout, theme, context, settings, diagnostics);
  diagnostics.push(...findMjmlTagErrors(mjml, MJML_FILE));

  // Minified HTML keeps issues under Gmail's clip limit for longer; CSS minification crashes on Node 20.
  const compiled = await mjml2html(mjml, { validationLevel: 'soft', keepComments: false, minify: true, minifyOptions: { minifyCss: false } });
  diagnostics.push(
    ...compiled.errors.map((error) =>
      diagnostic('mjml/invalid', error.message, { file: MJML_FILE, line: error.line, severity: 'warning' }),
    ),
  );

  const htmlTemplate = compiled.html;
  const textTemplate = theme.text ? fillTemplate(theme.text, theme, context, settings, diagnostics) : htmlToText(htmlTemplate);
  return {
    email: { subject: digest.issue.title, preheader: context.preheader, mjml, htmlTemplate, textTemplate },
    diagnostics,
  };
}

/** The plain-text part: links kept as `text [url]`, headings left in their case (tokens stay intact). */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      // The preheader is hidden in the HTML; in the text part it would repeat the first key point.
      { selector: 'div[style*="display:none"]', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'block' },
    ],
  });
}

/**
 * Runs one template in strict mode so a misspelt variable is reported with its place;
 * then renders leniently so the rest of the issue can still be previewed.
 */
function fillTemplate(template: TemplateFile, theme: Theme, context: IssueContext, settings: ContextSettings, diagnostics: Diagnostic[]): string {
  try {
    return themeEnvironment(theme, settings).compile(template.source, { strict: true })(context);
  } catch (error) {
    const unknown = /^"(.+)" not defined in/.exec((error as Error).message);
    if (!unknown) throw error;
    diagnostics.push(unknownVariableDiagnostic(unknown[1]!, error as HandlebarsError, theme));
    // A fresh environment: partials compile on first use and keep the strict flag they were compiled with.
    return themeEnvironment(theme, settings).compile(template.source)(context);
  }
}

function themeEnvironment(theme: Theme, settings: ContextSettings): typeof Handlebars {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(themeHelpers(settings.utm));
  for (const partial of theme.partials) handlebars.registerPartial(partial.name, partial.source);
  return handlebars;
}

/** Partials compile only when used; parse every file first so a syntax error anywhere is reported. */
function assertTemplatesParse(theme: Theme): void {
  const problems = themeFiles(theme).flatMap((template) => {
    try {
      Handlebars.parse(template.source);
      return [];
    } catch (error) {
      return [templateSyntaxDiagnostic(error as HandlebarsError, template)];
    }
  });
  if (problems.length > 0) throw new GazetteError(problems);
}

interface HandlebarsError extends Error {
  lineNumber?: number;
  column?: number;
}

function templateSyntaxDiagnostic(error: HandlebarsError, template: TemplateFile): Diagnostic {
  const location = /on line (\d+)/.exec(error.message);
  return diagnostic('template/syntax', error.message.split('\n')[0] ?? error.message, {
    file: template.file,
    line: error.lineNumber ?? (location ? Number(location[1]) : undefined),
  });
}

/** Strict-mode errors give a line and column but not the partial; find the file whose text matches. */
function unknownVariableDiagnostic(name: string, error: HandlebarsError, theme: Theme): Diagnostic {
  const line = error.lineNumber;
  const column = error.column;
  const file =
    line === undefined || column === undefined
      ? undefined
      : themeFiles(theme).find((candidate) => {
          const text = candidate.source.split('\n')[line - 1] ?? '';
          return new RegExp(`^[\\w.@/]*\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text.slice(column));
        });
  const expression = file && line !== undefined && column !== undefined ? /^[\w.@/]+/.exec(file.source.split('\n')[line - 1]!.slice(column))?.[0] : name;
  return diagnostic('template/unknown-variable', `unknown template variable "${expression ?? name}"`, {
    file: file?.file ?? theme.dir,
    line: file ? line : undefined,
    column: file && column !== undefined ? column + 1 : undefined,
    severity: 'warning',
  });
}
