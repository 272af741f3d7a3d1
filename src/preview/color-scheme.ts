export type ColorScheme = 'light' | 'dark';

const SCHEME_FEATURE = /\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/gi;

/**
 * The email as a mail client set to `scheme` would show it, whatever the scheme of the
 * browser showing the preview: each `prefers-color-scheme` media feature becomes one
 * that is always true (the chosen scheme) or never true (the other one).
 */
export function forceColorScheme(html: string, scheme: ColorScheme): string {
  const forced = html.replace(SCHEME_FEATURE, (_feature, wanted: string) =>
    wanted.toLowerCase() === scheme ? '(min-width: 0px)' : '(max-width: -1px)',
  );
  // The UA's own colours (canvas, form controls) follow `color-scheme`, which the
  // email's meta tag leaves to the browser's preference.
  const rootScheme = `<style data-gazette-preview>:root { color-scheme: ${scheme}; }</style>`;
  return /<\/head>/i.test(forced) ? forced.replace(/<\/head>/i, `${rootScheme}</head>`) : `${rootScheme}${forced}`;
}
