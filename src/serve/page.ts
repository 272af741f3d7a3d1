/** The small HTML pages `gazette serve` answers people with: one look for all of them. */

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;color:#2b2722;background:#f6f3ee;margin:0;padding:48px 16px}' +
  'main{max-width:28rem;margin:auto;background:#fff;border-radius:10px;padding:32px}' +
  'button{font:inherit;background:#2b2722;color:#fff;border:0;border-radius:6px;padding:10px 18px;cursor:pointer}' +
  'label{display:block;font-weight:600;margin:16px 0 4px}' +
  'input{font:inherit;width:100%;box-sizing:border-box;padding:8px 10px;border:1px solid #8a8178;border-radius:6px}' +
  'button{margin-top:20px}' +
  ':focus-visible{outline:3px solid #a63d2a;outline-offset:2px}' +
  '.hint{color:#5f574e;font-size:14px}.error{color:#a3261a;font-weight:600}' +
  '.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A whole page; `title` is text, `body` is HTML the caller has escaped. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>\n`;
}
