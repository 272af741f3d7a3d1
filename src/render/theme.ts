import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../load/text-file.js';
import type { Diagnostic } from '../types.js';

export interface TemplateFile {
  /** Partial name (file name without extension), or `layout` / `text`. */
  name: string;
  file: string;
  source: string;
}

/**
 * A theme folder: `layout.mjml` (the document), `partials/*.mjml` (used as `{{> name}}`),
 * and optionally `text.hbs`, a plain-text part that replaces the one made from the HTML.
 */
export interface Theme {
  dir: string;
  layout: TemplateFile;
  partials: TemplateFile[];
  text: TemplateFile | null;
  /** Warnings about how the files were encoded. */
  diagnostics: Diagnostic[];
}

async function readTemplate(name: string, file: string): Promise<(TemplateFile & { diagnostics: Diagnostic[] }) | null> {
  try {
    const { text, diagnostics } = await readTextFile(file);
    return { name, file, source: text, diagnostics };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function loadTheme(dir: string): Promise<Theme> {
  const layout = await readTemplate('layout', path.join(dir, 'layout.mjml'));
  if (!layout) {
    throw new GazetteError([
      diagnostic('theme/missing-layout', 'no layout.mjml in this theme folder (see templates/ in the Gazette repository for an example)', { file: dir }),
    ]);
  }
  const partialsDir = path.join(dir, 'partials');
  const partialNames = await readdir(partialsDir).catch(() => [] as string[]);
  const partials = await Promise.all(
    partialNames
      .filter((name) => name.endsWith('.mjml') || name.endsWith('.hbs'))
      .sort()
      .map(async (name) => (await readTemplate(name.replace(/\.(mjml|hbs)$/, ''), path.join(partialsDir, name)))!),
  );
  const clashes = partialNameClashes(partials);
  if (clashes.length > 0) throw new GazetteError(clashes);
  const text = await readTemplate('text', path.join(dir, 'text.hbs'));
  const files = [layout, ...partials, ...(text ? [text] : [])];
  const template = ({ name, file, source }: TemplateFile): TemplateFile => ({ name, file, source });
  return {
    dir,
    layout: template(layout),
    partials: partials.map(template),
    text: text && template(text),
    diagnostics: files.flatMap((file) => file.diagnostics),
  };
}

/**
 * Partials named alike (`quote.hbs` beside `quote.mjml`, a text version of an HTML partial):
 * `{{> quote}}` would silently give both the HTML and the text part the same one of them.
 */
function partialNameClashes(partials: readonly TemplateFile[]): Diagnostic[] {
  const byName = new Map<string, TemplateFile[]>();
  for (const partial of partials) byName.set(partial.name, [...(byName.get(partial.name) ?? []), partial]);
  return [...byName].flatMap(([name, files]) => {
    if (files.length < 2) return [];
    const fileNames = files.map((file) => path.basename(file.file));
    return [
      diagnostic('theme/duplicate-partial', `partials ${fileNames.join(' and ')} are both {{> ${name}}}: the HTML and the text part would get the same one; rename one (a text partial as ${name}-text.hbs)`, {
        file: files[0]!.file,
      }),
    ];
  });
}

export function themeFiles(theme: Theme): TemplateFile[] {
  return [theme.layout, ...theme.partials, ...(theme.text ? [theme.text] : [])];
}
