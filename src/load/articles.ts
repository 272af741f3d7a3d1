import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Article, Diagnostic } from '../types.js';
import { fileErrorReason } from './file-error.js';
import { FRONT_MATTER_FIELDS, frontMatterSchema, type FrontMatter } from './front-matter.js';
import { markdownToText } from './markdown.js';
import { countWords } from './words.js';
import { yamlValue, type YamlValue } from './yaml-value.js';
import { readSimpleFrontMatter } from './simple-front-matter.js';
import { normalizeNewlines, readTextFileSync } from './text-file.js';

export interface ArticleSource {
  /** Path shown in messages. */
  file: string;
  content: string;
}

export interface LoadResult {
  articles: Article[];
  diagnostics: Diagnostic[];
}

export interface ArticleOptions {
  /** Today, `YYYY-MM-DD`: articles dated after it are reported. */
  today?: string;
}

/** Names that are not articles and not worth a word: `_intro.md` and the like, and hidden files. */
function isIgnored(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

const ARTICLE_EXTENSION = /\.(md|markdown)$/i;
/** Extensions of files that look like articles saved under the wrong name. */
const MISNAMED_EXTENSION = /\.(txt|text|mdown|mdwn|mkd|mkdn|mdtxt|mdtext|markdn|mdx)$/i;

/** Files that hold articles: Markdown (`.md` or `.markdown`, any case), not starting with `_` or `.`. */
export function isArticleFile(name: string): boolean {
  return ARTICLE_EXTENSION.test(name) && !isIgnored(name);
}

/** `2024-01-30-talks.Markdown` → `2024-01-30-talks` */
export function articleSlug(file: string): string {
  return path.basename(file).replace(ARTICLE_EXTENSION, '');
}

/** Reads every article of a folder. Problems in one file never stop the others from loading. */
export async function loadArticles(dir: string, options: ArticleOptions = {}): Promise<LoadResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    return {
      articles: [],
      diagnostics: [diagnostic('articles/unreadable', `cannot read the articles folder: ${fileErrorReason(error)}`, { file: dir })],
    };
  }
  const diagnostics: Diagnostic[] = names
    .filter((name) => !isIgnored(name) && MISNAMED_EXTENSION.test(name))
    .map((name) =>
      diagnostic('articles/not-read', `not read as an article: rename it to ${name.replace(MISNAMED_EXTENSION, '').replace(/\.(md|markdown)$/i, '')}.md to include it, or to _${name} to keep it aside`, {
        file: path.join(dir, name),
        severity: 'warning',
      }),
    );
  const read = names.filter(isArticleFile).map((name) => {
    const file = path.join(dir, name);
    try {
      // A pipe or a device named like an article would hold the read until something wrote to it.
      const kind = statSync(file);
      if (!kind.isFile() && !kind.isDirectory()) {
        return { source: null, diagnostics: [diagnostic('articles/unreadable', 'cannot read: not a regular file (a pipe, a socket or a device)', { file })] };
      }
      const { text, diagnostics: decoding } = readTextFileSync(file);
      return { source: { file, content: text }, diagnostics: decoding };
    } catch (error) {
      return { source: null, diagnostics: [diagnostic('articles/unreadable', `cannot read: ${fileErrorReason(error)}`, { file })] };
    }
  });
  diagnostics.push(...read.flatMap((entry) => entry.diagnostics));
  const parsed = parseArticles(
    read.flatMap((entry) => (entry.source ? [entry.source] : [])),
    options,
  );
  return { articles: parsed.articles, diagnostics: [...diagnostics, ...parsed.diagnostics] };
}

export function parseArticles(sources: readonly ArticleSource[], options: ArticleOptions = {}): LoadResult {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const fileBySlug = new Map<string, string>();
  for (const source of sources) {
    const result = parseArticle(source, options);
    diagnostics.push(...result.diagnostics);
    if (!result.article) continue;
    // The slug names the article in the issue (anchors, sections): two with one slug would be confused.
    const other = fileBySlug.get(result.article.slug);
    if (other) {
      diagnostics.push(
        diagnostic('articles/duplicate-slug', `has the same name as ${other} once the extension is dropped ("${result.article.slug}"); rename one of them`, {
          file: source.file,
        }),
      );
      continue;
    }
    fileBySlug.set(result.article.slug, source.file);
    articles.push(result.article);
  }
  return { articles, diagnostics };
}

export interface ParsedArticle {
  article: Article | null;
  diagnostics: Diagnostic[];
}

export function parseArticle(source: ArticleSource, options: ArticleOptions = {}): ParsedArticle {
  const article = parseSimpleArticle(source, options);
  return article ? { article, diagnostics: [] } : parseArticleWithYaml(source, options);
}

/**
 * The article, when its front matter is simple enough for readSimpleFrontMatter and yields no
 * message at all (schema problem, future date); null otherwise, for parseArticleWithYaml to
 * read it again and report in full.
 */
export function parseSimpleArticle(source: ArticleSource, options: ArticleOptions = {}): Article | null {
  const simple = readSimpleFrontMatter(normalizeNewlines(source.content));
  if (!simple) return null;
  const result = frontMatterSchema.safeParse(simple.data);
  if (!result.success || isFutureDated(result.data, options)) return null;
  return toArticle(source.file, result.data, simple.body);
}

/** parseArticle without the shortcut: every header goes through gray-matter and `yaml`, with places for the messages. */
export function parseArticleWithYaml(source: ArticleSource, options: ArticleOptions = {}): ParsedArticle {
  const { file } = source;
  // Text from readTextFileSync is already normalized; text handed in directly may still have CRLF.
  const content = normalizeNewlines(source.content);
  if (!/^\uFEFF?---\n/.test(content)) {
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
  let value: YamlValue | undefined;
  const parsed = matter(content, {
    engines: {
      yaml: (yamlSource: string) => {
        // `logLevel: 'error'`: the yaml package prints its warnings (`title: {{first_name}}` makes a
        // map a key) straight to stderr; the front matter's problems are reported as diagnostics.
        document = parseDocument(yamlSource, { lineCounter, uniqueKeys: true, logLevel: 'error' });
        if (document.errors.length > 0) return {};
        value = yamlValue(document, lineCounter);
        return value.ok ? (value.value as object) : {};
      },
    },
  });

  if (!document) {
    return { article: null, diagnostics: [diagnostic('front-matter/missing', 'the front matter block is empty', { file, line: 1, column: 1 })] };
  }
  if (value && !value.ok) {
    return { article: null, diagnostics: [diagnostic('front-matter/yaml', value.message, { file, line: value.line, column: value.column })] };
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

  if (isFutureDated(result.data, options)) {
    diagnostics.push(
      diagnostic('articles/future-date', `is after today (${options.today}): the article does not choose the default issue; is the date a typo?`, {
        file,
        field: 'date',
        severity: 'warning',
        ...placeOf(['date']),
      }),
    );
  }
  return { article: toArticle(file, result.data, parsed.content), diagnostics };
}

/** When an article earns the articles/future-date warning. */
function isFutureDated(frontMatter: FrontMatter, { today }: ArticleOptions): boolean {
  return Boolean(today && frontMatter.date > today && !frontMatter.draft);
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
    slug: articleSlug(file),
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
