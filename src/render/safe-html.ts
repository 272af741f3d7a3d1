import sanitizeHtml from 'sanitize-html';

/**
 * What an editor's HTML (the intro, Markdown with inline HTML) may contain in an email:
 * text formatting, lists, quotes, simple tables, and links and images on the web. No
 * script, event handler, frame, form, style or `javascript:`/`data:` URL survives.
 */
const EMAIL_SAFE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'small', 'sub', 'sup', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'span',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], th: ['align'], td: ['align'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  // Dropped with their content: what they hold is code or layout, never the editor's words.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'embed', 'template', 'title'],
};

/** Cuts HTML to the allow-list; `rewriteLink` may change each kept link (to add UTM parameters). */
export function sanitizeEmailHtml(html: string, rewriteLink: (href: string) => string = (href) => href): string {
  return sanitizeHtml(html, {
    ...EMAIL_SAFE,
    transformTags: { a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, href: rewriteLink(attribs.href) } : attribs }) },
  });
}
