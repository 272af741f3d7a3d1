import Handlebars from 'handlebars';
import type { PersonalizedEmail, RenderedEmail } from '../types.js';

/** The values one recipient contributes to their copy of the issue. */
export interface RecipientValues {
  subscriber: Record<string, string>;
  unsubscribe_url: string;
}

export type Personalizer = (values: RecipientValues) => PersonalizedEmail;

/**
 * Compiles the per-recipient templates once; each recipient then costs one
 * template call, never an MJML compile. Strict, so a field missing from a list row fails loudly.
 */
export function createPersonalizer(email: RenderedEmail): Personalizer {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const html = handlebars.compile(email.htmlTemplate, { strict: true });
  const text = handlebars.compile(email.textTemplate, { strict: true, noEscape: true });
  return (values) => ({ html: html(values), text: text(values) });
}
