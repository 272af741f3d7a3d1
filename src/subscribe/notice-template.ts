import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import Handlebars from 'handlebars';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../load/text-file.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { compileWhole } from '../render/compile-mjml.js';
import { mjmlTree } from '../render/mjml-tree.js';
import { htmlToText } from '../render/text-part.js';
import { findTemplateErrors, unknownVariableDiagnostic, type HandlebarsError } from '../render/template-errors.js';
import type { Theme } from '../render/theme.js';
import type { Diagnostic } from '../types.js';

/** The emails the sign-up side sends: the confirmation link, and the optional welcome. */
export type NoticeKind = 'confirm' | 'welcome';

/** The values each notice's template is given. */
export interface NoticeValues {
  /** No name: anyone can sign up any address, so until it is confirmed the name is a stranger's text (see sign-up-name.ts). */
  confirm: { newsletter: string; email: string; confirm_url: string; days: number };
  welcome: { newsletter: string; name: string; email: string; unsubscribe_url: string };
}

export interface RenderedNotice {
  subject: string;
  html: string;
  text: string;
}

export interface NoticeTemplate<K extends NoticeKind> {
  kind: K;
  /** The template file used: the theme's, or the package's default. */
  file: string;
  render(values: NoticeValues[K]): Promise<RenderedNotice>;
}

/** Stand-ins for a trial render at start: no newlines, so MJML's line numbers stay the template's. */
const STAND_INS: NoticeValues = {
  confirm: { newsletter: 'Newsletter', email: 'reader@example.com', confirm_url: 'https://example.invalid/confirm?token=x', days: 7 },
  welcome: { newsletter: 'Newsletter', name: 'Reader', email: 'reader@example.com', unsubscribe_url: 'https://example.invalid/unsubscribe?token=x' },
};

const NO_NAME_IN_CONFIRM = '; the confirmation email carries no name, since whoever signs up an address chooses it: greet by name in welcome.mjml, sent once the address is confirmed';

const DEFAULT_SUBJECTS: Record<NoticeKind, (values: { newsletter: string }) => string> = {
  confirm: (values) => `Confirm your subscription to ${values.newsletter}`,
  welcome: (values) => `Welcome to ${values.newsletter}`,
};

/**
 * Loads `<kind>.mjml` from the theme folder, or the package's default when the theme has none,
 * and proves it renders: Handlebars syntax, unknown variables (strict mode) and MJML are all
 * checked now, with a stand-in sign-up, so a broken template stops `gazette serve` at start
 * with its file and line rather than failing the first person who signs up.
 */
export async function loadNoticeTemplate<K extends NoticeKind>(kind: K, themeDir: string): Promise<NoticeTemplate<K>> {
  const own = path.join(themeDir, `${kind}.mjml`);
  const file = (await exists(own)) ? own : path.join(fileURLToPath(PACKAGE_ROOT), 'templates', `${kind}.mjml`);
  const { text: source } = await readTextFile(file);
  const theme: Theme = { dir: themeDir, layout: { name: kind, file, source }, partials: [], text: null, diagnostics: [] };
  const syntax = findTemplateErrors(theme);
  if (syntax.length > 0) throw new GazetteError(syntax);
  const compiled = Handlebars.create().compile(source, { strict: true });
  const fill = (values: NoticeValues[K]): string => compiled(values);
  try {
    fill(STAND_INS[kind]);
  } catch (error) {
    const unknown = /^"(.+)" not defined in/.exec((error as Error).message);
    const problem: Diagnostic = unknown
      ? { ...unknownVariableDiagnostic(unknown[1]!, error as HandlebarsError, theme), severity: 'error', message: `unknown template variable "${unknown[1]}" (known: ${Object.keys(STAND_INS[kind]).join(', ')})${kind === 'confirm' && unknown[1] === 'name' ? NO_NAME_IN_CONFIRM : ''}` }
      : diagnostic('template/render', `the template failed to render: ${(error as Error).message.split('\n')[0]}`, { file });
    throw new GazetteError([problem]);
  }
  const template: NoticeTemplate<K> = {
    kind,
    file,
    async render(values) {
      const result = await compileWhole(mjmlTree(fill(values)));
      const title = /<title>([^<]*)<\/title>/.exec(result.html)?.[1]?.trim();
      return {
        subject: title ? decodeHTML(title) : DEFAULT_SUBJECTS[kind](values),
        html: result.html,
        text: htmlToText(result.html),
      };
    },
  };
  const trial = await compileWhole(mjmlTree(fill(STAND_INS[kind])));
  if (trial.errors.length > 0) {
    throw new GazetteError(trial.errors.map((error) => diagnostic('mjml/invalid', error.message, { file, line: error.line, severity: 'error' })));
  }
  return template;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
