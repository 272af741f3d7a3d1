/** Gazette's library API: the same functions the CLI calls. */
export { buildDigest, issueFiles, writeIssue, type BuildOptions, type BuildResult } from './build.js';
export { configSchema, loadConfig, type GazetteConfig, type LoadedConfig } from './config.js';
export { resolveWorkspace, type Workspace, type WorkspaceOptions } from './workspace/resolve.js';
export { CATALOGUE, catalogueEntry, type CatalogueEntry, type CatalogueId, type DiagnosticGroup } from './diagnostics/catalogue.js';
export { formatDiagnostic, GazetteError } from './diagnostics/diagnostic.js';
export { loadArticles, parseArticle, parseArticles } from './load/articles.js';
export { frontMatterSchema, type FrontMatter } from './load/front-matter.js';
export { markdownToText } from './load/markdown.js';
export { isoWeek } from './issue/calendar.js';
export { resolveWindow, weekWindow, type DateWindow } from './issue/window.js';
export { summarizeText, type SummarizeOptions, type TextSummary } from './summarize/index.js';
export { renderEmail } from './render/render.js';
export { htmlToText } from './render/text-part.js';
export { loadTheme, type Theme } from './render/theme.js';
export { composeMessage } from './message/compose.js';
export { createPersonalizer, type Personalizer, type RecipientValues } from './message/personalize.js';
export type * from './types.js';
export { sendIssue, sendTestCopy, type SendOptions } from './send/send-issue.js';
export type { SendSummary } from './send/summary.js';
export { CsvList } from './subscribers/csv-list.js';
// The store: subscribers, suppressions and sign-up attempts, in a SQLite file or (issue #12) PostgreSQL.
export { openStore, type StoreOptions } from './store/open-store.js';
export { storeLocation, type StoreLocation } from './store/store-location.js';
export type { Store } from './store/store.js';
export type { SubscriberStore, StoredSubscriber, Suppression, SuppressionReason, ImportCounts } from './subscribers/subscriber-store.js';
export type { SignUpAttempts } from './subscribe/sign-up-attempts.js';
export { SqliteSubscriberStore } from './subscribers/sqlite-subscriber-store.js';
export { signToken, verifyToken } from './unsubscribe/token.js';
export { createUnsubscribeServer } from './unsubscribe/server.js';
export { checkBuiltIssue, type CheckBuiltIssueOptions } from './check/check-built-issue.js';
export { systemEnvironment, type CheckEnvironment } from './check/environment.js';
export type { CheckReport } from './check/report.js';
export { startPreviewServer, type PreviewServer, type PreviewServerOptions } from './preview/server.js';
// The published site: build, write out/ and publish to site/ in one step; the site's manifest.
export { buildAllIssues, buildIssue, type PublishedBuild } from './build.js';
export { readManifest, type SiteIssue, type SiteManifest } from './site/manifest.js';
// Operating a list: sign-ups with double opt-in, and bounces and complaints read back.
export { subscribeEndpoint } from './subscribe/endpoints.js';
export { parseBounce } from './bounces/parse-bounce.js';
export { takeBounceFiles, type IntakeSummary } from './bounces/intake.js';
export type { BounceReport } from './bounces/bounce-report.js';
