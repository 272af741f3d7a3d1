/** Gazette's library API: the same functions the CLI calls. */
export { buildDigest, issueFiles, writeIssue, type BuildOptions, type BuildResult } from './build.js';
export { configSchema, loadConfig, type GazetteConfig, type LoadedConfig } from './config.js';
export { formatDiagnostic, GazetteError } from './diagnostics.js';
export { loadArticles, parseArticle, parseArticles } from './load/articles.js';
export { frontMatterSchema, type FrontMatter } from './load/front-matter.js';
export { markdownToText } from './load/markdown.js';
export { isoWeek, resolveWindow, weekWindow, type DateWindow } from './issue/window.js';
export { summarizeText, type SummarizeOptions, type TextSummary } from './summarize/index.js';
export { renderEmail, htmlToText } from './render/render.js';
export { createPersonalizer, type Personalizer, type RecipientValues } from './render/personalize.js';
export { loadTheme, type Theme } from './render/theme.js';
export { composeMessage } from './message/compose.js';
export type * from './types.js';
