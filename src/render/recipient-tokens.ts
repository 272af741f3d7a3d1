import { createHash } from 'node:crypto';

/**
 * Per-recipient fields travel through the issue-level pass, MJML and the HTML-to-text
 * conversion as plain markers, `[[gz:<nonce>:subscriber.name]]`, and are filled per
 * recipient by substitution, never by parsing the compiled email as a template. Article
 * text may hold `{{subscriber.email}}` or `{{#if}}` and stays text: only markers carrying
 * this build's nonce are filled, and content cannot know the nonce because it is a hash
 * of the content itself.
 */
export interface RecipientMarkers {
  /** `[[gz:<nonce>:`: every marker of this build starts with it. */
  prefix: string;
  field(name: string): string;
  /** Opens and closes a theme's `{{{{recipient}}}}` block, whose source stays Handlebars for the per-recipient pass. */
  blockStart: string;
  blockEnd: string;
}

const MARKER_END = ']]';

/** Markers for one build; `seed` is everything the build renders (content and theme), so the nonce is stable per input. */
export function recipientMarkers(seed: string): RecipientMarkers {
  const nonce = createHash('sha256').update(seed).digest('hex').slice(0, 16);
  return markersFromPrefix(`[[gz:${nonce}:`);
}

export function markersFromPrefix(prefix: string): RecipientMarkers {
  return {
    prefix,
    field: (name) => `${prefix}${name}${MARKER_END}`,
    blockStart: `${prefix}#recipient${MARKER_END}`,
    blockEnd: `${prefix}/recipient${MARKER_END}`,
  };
}

/** A piece of a compiled email: text as is, a field to fill, or a theme block to run per recipient. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'field'; path: string[] } | { kind: 'block'; source: string };

export const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a compiled email at this build's markers. Unbalanced block markers are a theme bug, reported by the caller. */
export function splitAtMarkers(template: string, markers: RecipientMarkers): TemplatePart[] {
  const pattern = new RegExp(`${escapeForRegExp(markers.prefix)}([#/]?[A-Za-z_][\\w.]*)${escapeForRegExp(MARKER_END)}`, 'g');
  const parts: TemplatePart[] = [];
  let last = 0;
  let blockStart: number | null = null;
  for (const match of template.matchAll(pattern)) {
    const name = match[1]!;
    const at = match.index;
    if (name === '#recipient') {
      if (blockStart !== null) throw new RecipientTemplateError('a {{{{recipient}}}} block inside another');
      pushText(parts, template.slice(last, at));
      blockStart = at + match[0].length;
    } else if (name === '/recipient') {
      if (blockStart === null) throw new RecipientTemplateError('a {{{{/recipient}}}} without its opening block');
      parts.push({ kind: 'block', source: template.slice(blockStart, at) });
      blockStart = null;
    } else if (blockStart === null) {
      pushText(parts, template.slice(last, at));
      parts.push({ kind: 'field', path: name.split('.') });
    } else {
      throw new RecipientTemplateError(`a per-recipient field (${name}) inside a {{{{recipient}}}} block: use {{${name}}} there`);
    }
    last = at + match[0].length;
  }
  if (blockStart !== null) throw new RecipientTemplateError('a {{{{recipient}}}} block that is never closed');
  pushText(parts, template.slice(last));
  return parts;
}

function pushText(parts: TemplatePart[], text: string): void {
  if (text) parts.push({ kind: 'text', text });
}

export class RecipientTemplateError extends Error {}
