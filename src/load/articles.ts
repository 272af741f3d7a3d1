import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { diagnostic } from '../diagnostics.js';
import type { Article, Diagnostic } from '../types.js';
import { FRONT_MATTER_FIELDS, frontMatterSchema, type FrontMatter } from './front-matter.js';
import { countWords, markdownToText } from './markdown.js';

export interface ArticleSource {
  /** Path shown in messages. */
  file: string;
  content: string;
}

export interface LoadResult {
  articles: Article[];
  diagnostics: Diagnostic[];
}

/** Files that hold articles: Markdown, not starting with `_` (kept for `_intro.md` and the like). */
export function isArticleFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.');
}

/** Reads every article of a folder. Problems in one file never stop the others from loading. */
export async function loadArticles(dir: string): Promise<LoadResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isArticleFile).sort();
  } catch (error) {
    return {
      articles: [],
      diagnostics: [diagnostic('articles/unreadable', `cannot read the articles folder: ${(error as Error).message}`, { file: dir })],
    };
  }
  const sources = await Promise.all(
    names.map(async (name) => ({ file: path.join(dir, name), content: await readFile(path.join(dir, name), 'utf8') })),
  );
  return parseArticles(sources);
}

export function parseArticles(sources: readonly ArticleSource[]): LoadResult {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const result = parseArticle(source);
    diagnostics.push(...result.diagnostics);
    if (result.article) articles.push(result.article);
  }
  return { articles, diagnostics };
}

export function parseArticle(source: ArticleSource): { article: Article | null; diagnostics: Diagnostic[] } {
  const { file } = source;
  if (!/^\uFEFF?---\r?\n/.test(source.content)) {
    return {
      article: null,
      diagnostics: [
        diagnostic('front-matter/missing', 'the file must start with a front matter block between --- lines (title and date at least)', {
          file,
          line: 1,
          column: 1,
        }),
      ],
    };
  }

  const lineCounter = new LineCounter();
  let document: Document | undefined;
  const parsed = matter(source.content, {
    engines: {
      yaml: (yamlSource: string) => {
        document = parseDocument(yamlSource, { lineCounter, uniqueKeys: true });
        return document.errors.length > 0 ? {} : ((document.toJS() ?? {}) as object);
      },
    },
  });

  if (!document) {
    return { article: null, diagnostics: [diagnostic('front-matter/missing', 'the front matter block is empty', { file, line: 1, column: 1 })] };
  }
  if (document.errors.length > 0) {
    return {
      article: null,
      diagnostics: document.errors.map((error) => {
        const place = error.linePos?.[0];
        return diagnostic('front-matter/yaml', `invalid YAML: ${firstLine(error.message)}`, {
          file,
          line: place?.line,
          column: place?.col,
        });
      }),
    };
  }

  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { article: null, diagnostics: [diagnostic('front-matter/shape', 'the front matter must be a set of `field: value` lines', { file, line: 2, column: 1 })] };
  }

  const placeOf = (fieldPath: readonly PropertyKey[]) => fieldPlace(document!, lineCounter, fieldPath);
  const diagnostics: Diagnostic[] = Object.keys(data)
    .filter((key) => !FRONT_MATTER_FIELDS.has(key))
    .map((key) =>
      diagnostic('front-matter/unknown-field', `unknown field (known: ${[...FRONT_MATTER_FIELDS].join(', ')})`, {
        file,
        field: key,
        severity: 'warning',
        ...placeOf([key]),
      }),
    );

  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    diagnostics.push(...result.error.issues.map((issue) => schemaDiagnostic(issue, file, data, placeOf)));
    return { article: null, diagnostics };
  }

  return { article: toArticle(file, result.data, parsed.content), diagnostics };
}

function schemaDiagnostic(
  issue: z.core.$ZodIssue,
  file: string,
  data: object,
  placeOf: (fieldPath: readonly PropertyKey[]) => { line?: number; column?: number },
): Diagnostic {
  const field = formatFieldPath(issue.path);
  const missing = issue.path.length === 1 && !(String(issue.path[0]) in data);
  if (missing) {
    return diagnostic('front-matter/required', 'is required', { file, field, line: 1, column: 1 });
  }
  return diagnostic('front-matter/invalid', issue.message, { file, field, ...placeOf(issue.path) });
}

function formatFieldPath(fieldPath: readonly PropertyKey[]): string {
  return fieldPath.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}

/** Line and column of a field's value (or, failing that, its nearest present parent). */
function fieldPlace(document: Document, lineCounter: LineCounter, fieldPath: readonly PropertyKey[]): { line?: number; column?: number } {
  for (let depth = fieldPath.length; depth > 0; depth--) {
    const node = document.getIn(fieldPath.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return {};
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function toArticle(file: string, frontMatter: FrontMatter, markdown: string): Article {
  const text = markdownToText(markdown);
  return {
    slug: path.basename(file).replace(/\.md$/, ''),
    file,
    title: frontMatter.title,
    date: frontMatter.date,
    url: frontMatter.url,
    source: frontMatter.source,
    author: frontMatter.author,
    tags: frontMatter.tags,
    image: frontMatter.image,
    imageAlt: frontMatter.image_alt,
    draft: frontMatter.draft,
    featured: frontMatter.featured,
    keyPoints: frontMatter.key_points,
    quotes: frontMatter.quotes,
    markdown,
    text,
    wordCount: countWords(text),
  };
}
