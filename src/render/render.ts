import Handlebars from 'handlebars';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Digest, RenderedEmail } from '../types.js';
import { issueContext, type ContextSettings, type IssueContext } from './context.js';
import { compileMjml } from './compile-mjml.js';
import { themeHelpers } from './helpers.js';
import { parseMjml } from './mjml-tree.js';
import { eachNode, templateTree } from './template-nodes.js';
import { recipientMarkers, RecipientTemplateError, splitAtMarkers, type RecipientMarkers } from './recipient-tokens.js';
import { textPart } from './text-part.js';
import { findRecipientBlockErrors, findTemplateErrors, templateRuntimeDiagnostic, unknownVariableDiagnostic, type HandlebarsError } from './template-errors.js';
import { themeFiles, type Theme, type TemplateFile } from './theme.js';

/** The name diagnostics use for the MJML produced by the issue-level pass (written as email.mjml). */
export const MJML_FILE = 'email.mjml';

export interface RenderResult {
  email: RenderedEmail;
  diagnostics: Diagnostic[];
}

/**
 * Renders an issue once: the Handlebars pass fills in the issue, MJML compiles the result,
 * and only per-recipient fields remain, as markers for `personalize`. Content is only ever a
 * value in the template's context: nothing an article says is parsed as a template.
 */
export async function renderEmail(digest: Digest, theme: Theme, settings: ContextSettings): Promise<RenderResult> {
  const templateErrors = findTemplateErrors(theme);
  if (templateErrors.length > 0) throw new GazetteError(templateErrors);
  const markers = recipientMarkers(JSON.stringify([digest, settings, themeFiles(theme).map((file) => file.source)]));
  const context = issueContext(digest, settings, markers);
  const blockErrors = findRecipientBlockErrors(theme, standInRecipient(context));
  if (blockErrors.length > 0) throw new GazetteError(blockErrors);

  const diagnostics: Diagnostic[] = [];
  const mjml = fillTemplate(theme.layout, theme, context, settings, markers, diagnostics, { escape: true });
  const { tree, problems } = parseMjml(mjml, MJML_FILE);
  diagnostics.push(...problems);

  const { html: htmlTemplate, errors } = await compileMjml(mjml, tree);
  diagnostics.push(...errors.map((error) => diagnostic('mjml/invalid', error.message, { file: MJML_FILE, line: error.line, severity: 'warning' })));

  const textTemplate = theme.text ? fillTemplate(theme.text, theme, context, settings, markers, diagnostics, { escape: false }) : textPart(htmlTemplate, markers);
  diagnostics.push(...recipientBlockErrors(htmlTemplate, markers, theme));
  return {
    email: { subject: context.subject, preheader: context.preheader, mjml, htmlTemplate, textTemplate, recipientMarker: markers.prefix },
    diagnostics,
  };
}

/** A stand-in for an unknown variable while looking for the next one: a data variable that exists, holding nothing, as the misspelt one would. */
const UNKNOWN = 'gazetteUnknownVariable';
/** How many unknown variables one template reports: enough for any typo spree, bounded for a broken theme. */
const MAX_UNKNOWN_VARIABLES = 25;

/**
 * Runs one template in strict mode so every misspelt variable is reported with its place:
 * each one found is replaced by a stand-in in a copy of the theme, and the run repeats. Then
 * the template renders leniently so the rest of the issue can still be previewed. Any other
 * failure of a theme at render time is a diagnostic on the theme, never a crash.
 */
function fillTemplate(
  template: TemplateFile,
  theme: Theme,
  context: IssueContext,
  settings: ContextSettings,
  markers: RecipientMarkers,
  diagnostics: Diagnostic[],
  { escape }: { escape: boolean },
): string {
  // A fresh environment each run: partials compile on first use and keep the strict flag they were compiled with.
  const run = (probe: Theme, strict: boolean) => {
    const source = themeFiles(probe).find((file) => file.file === template.file)?.source ?? template.source;
    const options = { strict, noEscape: !escape };
    const optional = strict ? partialParameters(probe) : new Set<string>();
    return themeEnvironment(probe, settings, markers, options, optional)
      .compile(strict ? withStrictParameters(source, optional) : source, options)(context, { data: { [UNKNOWN]: undefined } });
  };
  let probe: Theme | null = theme;
  for (let found = 0; probe && found < MAX_UNKNOWN_VARIABLES; found++) {
    try {
      const filled = run(probe, true);
      if (found === 0) return filled;
      break;
    } catch (error) {
      const unknown = /^"(.+)" not defined in/.exec((error as Error).message);
      if (!unknown) throw new GazetteError([templateRuntimeDiagnostic(error as HandlebarsError, template, theme)]);
      const diagnostic = unknownVariableDiagnostic(unknown[1]!, error as HandlebarsError, probe);
      diagnostics.push(diagnostic);
      probe = withStandIn(probe, diagnostic);
    }
  }
  try {
    return run(theme, false);
  } catch (error) {
    throw new GazetteError([templateRuntimeDiagnostic(error as HandlebarsError, template, theme)]);
  }
}

/** The theme with the unknown variable a diagnostic points at replaced by the stand-in, or null when it has no place. */
function withStandIn(theme: Theme, found: Diagnostic): Theme | null {
  if (found.line === undefined || found.column === undefined) return null;
  const replace = (file: TemplateFile): TemplateFile => {
    if (file.file !== found.file) return file;
    const lines = file.source.split('\n');
    const text = lines[found.line! - 1] ?? '';
    const at = found.column! - 1;
    const call = /^([\w.@/]+)(\s+[^\s}~])?/.exec(text.slice(at));
    // `{{name param}}` is a helper call: a stand-in value cannot be called, and the lenient run says
    // "Missing helper". A name further in (`{{#if name}}`, `{{> card lead=name}}`) is a value.
    const called = /\{\{~?[#^&{]?\s*$/.test(text.slice(0, at)) && call?.[2];
    if (!call || called) return file;
    const expression = call[1]!;
    lines[found.line! - 1] = `${text.slice(0, at)}@${UNKNOWN}${text.slice(at + expression.length)}`;
    return { ...file, source: lines.join('\n') };
  };
  const patched = { ...theme, layout: replace(theme.layout), partials: theme.partials.map(replace), text: theme.text && replace(theme.text) };
  return themeFiles(patched).some((file, index) => file !== themeFiles(theme)[index]) ? patched : null;
}

/** Values of the shape one recipient gives: every list field the theme may use, filled. */
function standInRecipient(context: IssueContext): { subscriber: Record<string, string>; unsubscribe_url: string } {
  return { subscriber: Object.fromEntries(Object.keys(context.subscriber).map((name) => [name, 'x'])), unsubscribe_url: 'https://example.invalid/u' };
}

function themeEnvironment(theme: Theme, settings: ContextSettings, markers: RecipientMarkers, options: CompileOptions, optional: ReadonlySet<string>): typeof Handlebars {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(themeHelpers(settings.utm, markers));
  // A partial given as source compiles on first use with the options of the template that uses it; a strict one is compiled here with the same.
  for (const partial of theme.partials) {
    handlebars.registerPartial(partial.name, options.strict ? handlebars.compile(withStrictParameters(partial.source, optional), options) : partial.source);
  }
  return handlebars;
}

type CompileOptions = { strict: boolean; noEscape: boolean };

/**
 * Handlebars' strict mode checks `{{name}}` but not the values handed to a helper: a misspelt
 * `{{#if article.imgae}}` or `{{#each artciles}}` would quietly render nothing. Marked strict,
 * those lookups fail like any other unknown variable and are reported with their place. Names a
 * partial is given by some of its callers only (`{{> article rule=true}}`) are left as they were:
 * `{{#if rule}}` is how a partial asks whether it was given one.
 */
function withStrictParameters(source: string, optional: ReadonlySet<string>): hbs.AST.Program {
  // A copy to mark: the shared tree is only read.
  const program = structuredClone(templateTree(source));
  const strictly = (value: hbs.AST.Expression) => {
    if (value.type !== 'PathExpression') return;
    const path = value as hbs.AST.PathExpression & { strict?: boolean };
    if (!path.data && !optional.has(String(path.parts[0]))) path.strict = true;
  };
  eachNode(program, (node) => {
    // Helper calls, blocks, subexpressions and partial calls: whatever is handed values.
    const called = node as Partial<hbs.AST.MustacheStatement>;
    called.params?.forEach(strictly);
    called.hash?.pairs.forEach((pair) => strictly(pair.value));
  });
  return program;
}

/**
 * Each block's source was compiled and run before rendering (findRecipientBlockErrors); what can
 * still go wrong is in the compiled HTML: a block MJML moved so its markers no longer pair up.
 */
function recipientBlockErrors(html: string, markers: RecipientMarkers, theme: Theme): Diagnostic[] {
  try {
    splitAtMarkers(html, markers);
    return [];
  } catch (error) {
    if (!(error instanceof RecipientTemplateError)) throw error;
    return [diagnostic('template/recipient-block', error.message, { file: theme.dir })];
  }
}

/** The names the theme's partial calls hand over (`{{> article lead=true}}` gives `lead`). */
function partialParameters(theme: Theme): Set<string> {
  const names = new Set<string>();
  for (const file of themeFiles(theme)) {
    eachNode(templateTree(file.source), (node) => {
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') (node as hbs.AST.PartialStatement).hash?.pairs.forEach((pair) => names.add(pair.key));
    });
  }
  return names;
}
