import type { GazetteConfig } from '../../config.js';
import type { Diagnostic } from '../../types.js';
import { visibleTextLength, type HtmlDocument } from '../html-document.js';
import type { MimeMessage } from '../mime-message.js';
import { finding } from '../rule-set.js';

/**
 * Below this much text an email with images reads to filters as an image mail: SpamAssassin's
 * HTML_IMAGE_ONLY_04 to _32 add up to about 3 points for images with under 3,200 characters of text.
 */
export const MIN_TEXT_WITH_IMAGES = 3200;

export function checkImageOnly(html: HtmlDocument): Diagnostic[] {
  const images = html.elements('img').filter((image) => image.attribs.src);
  if (images.length === 0) return [];
  const characters = visibleTextLength(html.root);
  if (characters >= MIN_TEXT_WITH_IMAGES) return [];
  return [
    finding('content/image-only', `${images.length} image${images.length === 1 ? '' : 's'} with only ${characters} characters of text (under ${MIN_TEXT_WITH_IMAGES}): spam filters score mail that is mostly images (HTML_IMAGE_ONLY_*), and blocked images leave readers little`, html.placeOf(images[0]!)),
  ];
}

/** A subject shouting in capitals: two words or more, five capitals or more, no lower-case letter (scripts without case never match). */
export function isAllCaps(subject: string): boolean {
  const capitals = subject.match(/\p{Lu}/gu) ?? [];
  const words = subject.match(/\p{L}{2,}/gu) ?? [];
  return capitals.length >= 5 && words.length >= 2 && !/\p{Ll}/u.test(subject);
}

export function checkSubjectCase(message: MimeMessage): Diagnostic[] {
  const subject = message.parsed.subject ?? '';
  if (!isAllCaps(subject)) return [];
  const field = message.fields('Subject')[0];
  return [
    finding('content/subject-caps', `subject "${subject}" is in capitals: spam filters score it (SUBJ_ALL_CAPS) and readers take it as shouting`, {
      file: message.source.file,
      line: field?.line,
      column: field ? 1 : undefined,
      field: 'Subject',
    }),
  ];
}

/**
 * A newsletter's footer should say who sends it and where: CAN-SPAM asks commercial email for the
 * sender's valid postal address, and readers and filters trust a sender they can place.
 */
export function checkPostalAddress(config: GazetteConfig, html: HtmlDocument): Diagnostic[] {
  if (config.address) return [];
  return [finding('content/postal-address', 'the footer gives no postal address (address in the config is not set): CAN-SPAM asks commercial email for the sender\'s postal address', { file: html.source.file, field: 'address' })];
}
