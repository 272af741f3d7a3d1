import { HtmlValidate, type ConfigData, type RuleConfig } from 'html-validate';
import type { Diagnostic } from '../../types.js';
import type { HtmlDocument } from '../html-document.js';
import { familyFinding } from '../rule-set.js';

/**
 * html-validate's recommended rules, less those that email HTML breaks on purpose or that
 * another rule of `gazette check` already reports. docs/check-rules.md gives each reason.
 */
export const EMAIL_HTML_RULES: RuleConfig = {
  // Outlook on Windows renders with Word: it needs conditional comments, presentational
  // attributes (align, bgcolor, cellpadding, width) and styles inline, and clients strip <style>.
  'no-conditional-comment': 'off',
  'no-deprecated-attr': 'off',
  'no-inline-style': 'off',
  // role="article" and similar keep semantics where clients rewrite or drop HTML5 elements.
  'prefer-native-element': 'off',
  // Source formatting, not behaviour: MJML writes the markup.
  'doctype-style': 'off',
  'no-trailing-whitespace': 'off',
  'attribute-boolean-style': 'off',
  'attribute-empty-style': 'off',
  'void-style': 'off',
  'prefer-tbody': 'off',
  // HTML5 allows any id without spaces; article anchors start with their date.
  'valid-id': ['error', { relaxed: true }],
  // Reported by a11y/img-alt and link/empty-text with Gazette's own advice.
  'wcag/h37': 'off',
  'wcag/h30': 'off',
};

/**
 * MJML writes `height="auto"` on every image it scales, and clients read it as "keep the
 * proportions"; HTML allows only numbers there. Allowed on <img>, and nothing else widened.
 */
const EMAIL_ELEMENTS: NonNullable<ConfigData['elements']> = ['html5', { img: { attributes: { height: { enum: ['/^\\d+$/', 'auto'] } } } }];

export const EMAIL_HTML_CONFIG: ConfigData = { extends: ['html-validate:recommended'], elements: EMAIL_ELEMENTS, rules: EMAIL_HTML_RULES };

export async function validateHtml(document: HtmlDocument): Promise<Diagnostic[]> {
  const report = await new HtmlValidate(EMAIL_HTML_CONFIG).validateString(document.source.text, document.source.file);
  return report.results.flatMap((result) =>
    result.messages.map((message) =>
      familyFinding('html-validate/*', message.ruleId, message.message, { file: document.source.file, line: message.line, column: message.column }),
    ),
  );
}
