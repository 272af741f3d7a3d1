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

export interface UrlRewrites {
  /** Each kept link's href (to resolve it and add UTM parameters). */
  link?: (href: string) => string;
  /** Each kept image's src (to resolve it). */
  image?: (src: string) => string;
}

/** Cuts HTML to the allow-list, then lets the caller rewrite the links and images that are left. */
export function sanitizeEmailHtml(html: string, rewrite: UrlRewrites = {}): string {
  const { link = (href: string) => href, image = (src: string) => src } = rewrite;
  return sanitizeHtml(html, {
    ...EMAIL_SAFE,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, href: link(attribs.href) } : attribs }),
      img: (tagName, attribs) => ({ tagName, attribs: attribs.src ? { ...attribs, src: image(attribs.src) } : attribs }),
    },
  });
}
