import path from 'node:path';
import { quickCheck } from './check/quick.js';
import type { GazetteConfig } from './config.js';
import { diagnostic, GazetteError, hasErrors, strictly } from './diagnostics/diagnostic.js';
import { assembleDigest, fillTitle, issueInfo, leadArticle, orderArticles, selectArticles, summarizeArticle, toDigestArticle, type SummaryCache } from './issue/digest.js';
import { localDate } from './issue/calendar.js';
import { issueDates, resolveWindow, windowSlug, type DateWindow, type WindowRequest } from './issue/window.js';
import { isoWeek } from './issue/calendar.js';
import { loadArticles } from './load/articles.js';
import { parseIntro } from './load/intro.js';
import { markdownToText } from './load/markdown.js';
import { sampleMessage, sampleSecret } from './message/sample-message.js';
import { readTextFile, type TextFile } from './load/text-file.js';
import { replaceDirectory, type FileContent } from './output/atomic.js';
import { jsonPieces } from './output/chunks.js';
import { resolveUrl } from './render/helpers.js';
import { MJML_FILE, renderEmail } from './render/render.js';
import type { ContextSettings } from './render/context.js';
import { loadTheme, type Theme } from './render/theme.js';
import { EMAIL_JSON } from './output/built-issue.js';
import { withSiteLock } from './site/lock.js';
import { issueNumberFor, readManifest } from './site/manifest.js';
import { publishIssue, type PublishedSite, type SiteSettings } from './site/publish.js';
import { siteFolderProblem } from './site/site-folder.js';
import { siteUrls, subscribeUrl } from './site/urls.js';
import { pageLanguage, webEditionPage, webLinks } from './site/web-edition.js';
import { unsubscribeEndpoint } from './unsubscribe/endpoint.js';
import { resolveWorkspace, type Workspace, type WorkspaceOptions } from './workspace/resolve.js';
import type { Diagnostic, Digest, DigestArticle, OutboundMessage, PersonalizedEmail, RenderedEmail } from './types.js';

export interface BuildOptions extends WindowRequest, WorkspaceOptions {
  /** The workspace already resolved (the preview resolves it once per rebuild); otherwise resolved from the options. */
  workspace?: Workspace;
  drafts?: boolean;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** Clock: today's date (articles dated after it do not choose the issue) and the message Date header. */
  now?: () => Date;
  /** Summaries kept between builds: only changed articles are summarized again. */
  summaryCache?: SummaryCache;
  /** Called as each article is summarized, for progress output. */
  onArticle?: (article: DigestArticle, index: number, total: number) => void;
  /** Also render the web edition for the published site (`result.web`); `buildIssue` asks for it. */
  webEdition?: boolean;
}

export interface BuildResult {
  digest: Digest;
  email: RenderedEmail;
  /** The email as the sample subscriber (config `preview.subscriber`) receives it. */
  preview: PersonalizedEmail;
  /** The sample subscriber's message, made by the send path. */
  message: OutboundMessage;
  /** That message as SMTP carries it (not DKIM-signed: `gazette check` signs and verifies). */
  eml: Buffer;
  /** The web edition for `site/<slug>/index.html`, when asked for: nothing per recipient in it. */
  web: { html: string; language: string } | null;
  /** Where `writeIssue` puts the files: `out/<slug>`. */
  outDir: string;
  config: GazetteConfig;
  /** The workspace it was built from: a test copy is sent from the same out folder. */
  workspace: Workspace;
  diagnostics: Diagnostic[];
}

const INTRO_FILE = '_intro.md';

/** Where the preview's unsubscribe link points when the config names no endpoint (a reserved, unreachable domain). */
const UNCONFIGURED_UNSUBSCRIBE = new URL('https://example.invalid/unsubscribe');

/** Loads, selects, summarizes and renders one issue, without writing anything. */
export async function buildDigest(options: BuildOptions = {}): Promise<BuildResult> {
  const workspace = options.workspace ?? (await resolveWorkspace(options));
  const { config, configDiagnostics, articlesDir, templatesDir } = workspace;
  const now = options.now ?? (() => new Date());

  const today = localDate(now());
  const { window, articles, loaded } = await issueArticles(options, workspace, today);

  // The number the site gave this issue when first published, or the one it will give it.
  const number = issueNumberFor(await readManifest(workspace.siteDir), windowSlug(window), config.issue_number);
  const ordered = orderArticles(articles);
  const titleSettings = { name: config.name, number, lead: (leadArticle(ordered) ?? ordered[0])?.title ?? null };
  const info = issueInfo(window, { ...titleSettings, titleTemplate: config.title });
  const theme = await loadTheme(templatesDir);
  const introPath = path.join(articlesDir, INTRO_FILE);
  const introFile = await readOptional(introPath);
  const introParts = introFile ? parseIntro(introPath, introFile.text) : null;
  if (introParts && hasErrors(introParts.diagnostics)) throw new GazetteError([...configDiagnostics, ...loaded.diagnostics, ...introParts.diagnostics]);
  const intro = introParts && markdownToText(introParts.markdown) ? introParts.markdown : config.intro;
  const provisional = assembleDigest(info, articles, []);
  const settings: ContextSettings = {
    newsletterName: config.name,
    baseUrl: config.base_url,
    intro: intro && markdownToText(intro) ? intro : null,
    sections: config.sections,
    subscriberFields: config.subscriber_fields,
    utm: config.utm ? { ...config.utm, campaign: config.utm.campaign.replace('{slug}', info.slug) } : null,
    subscribeUrl: subscribeUrl(config),
    address: config.address,
    logo: config.logo && { ...config.logo, src: resolveUrl(config.logo.src, config.base_url) },
    subject: introParts?.subject ? fillTitle(introParts.subject, window, titleSettings) : null,
    preheader: introParts?.preheader ?? null,
  };
  const rendered = await renderEmail(provisional, theme, settings);
  const web = options.webEdition ? await renderWebEdition(provisional, theme, settings, { config, workspace, emailDiagnostics: rendered.diagnostics }) : null;

  const outDir = path.join(workspace.outDir, info.slug);
  const { message, eml } = await sampleMessage({
    issue: info.slug,
    email: rendered.email,
    config,
    secret: sampleSecret(workspace.secret),
    dkim: null,
    now,
    fallbackEndpoint: UNCONFIGURED_UNSUBSCRIBE,
  });
  const preview = { html: message.html, text: message.text };
  const found = [
    ...configDiagnostics,
    ...loaded.diagnostics,
    ...(introFile?.diagnostics ?? []),
    ...(introParts?.diagnostics ?? []),
    ...theme.diagnostics,
    ...rendered.diagnostics.map((d) => (d.file === MJML_FILE ? { ...d, file: path.join(outDir, MJML_FILE) } : d)),
    ...asWarnings(quickCheck(preview.html, { file: path.join(outDir, 'email.html'), maxBytes: config.max_html_bytes, recipientMarker: rendered.email.recipientMarker })),
    ...(unsubscribeEndpoint(config)
      ? []
      : [diagnostic('unsubscribe/no-url', `set unsubscribe.url (or base_url) in the config: the preview links to ${UNCONFIGURED_UNSUBSCRIBE.href}`, { severity: 'warning', file: workspace.configFile ?? undefined, field: 'unsubscribe.url' })]),
    ...(web?.diagnostics ?? []),
  ];
  const diagnostics = options.strict ? strictly(found) : found;
  if (hasErrors(diagnostics)) throw new GazetteError(diagnostics);

  return {
    digest: assembleDigest(info, articles, diagnostics),
    email: rendered.email,
    preview,
    message,
    eml,
    web: web && { html: web.html, language: pageLanguage(web.html) },
    outDir,
    config,
    workspace,
    diagnostics,
  };
}

/**
 * Loads the articles, chooses the issue's window and summarizes the articles in it. Only the
 * summarized articles and the loading diagnostics are returned: every article's Markdown and
 * text is let go here, before the email is rendered.
 */
async function issueArticles(
  options: BuildOptions,
  workspace: Workspace,
  today: string,
): Promise<{ window: DateWindow; articles: DigestArticle[]; loaded: { diagnostics: Diagnostic[] } }> {
  const { config, configDiagnostics, articlesDir } = workspace;
  const loaded = await loadArticles(articlesDir, { today });
  if (hasErrors(loaded.diagnostics)) throw new GazetteError([...configDiagnostics, ...loaded.diagnostics]);

  const dates = issueDates(loaded.articles, options.drafts ?? false);
  const window = resolveWindow(options, dates, today);
  const selected = window ? selectArticles(loaded.articles, window, options.drafts ?? false) : [];
  if (!window || selected.length === 0) {
    const newest = [...dates].sort().at(-1);
    const where = window ? `between ${window.from} and ${window.to}` : `dated today (${today}) or earlier`;
    const hint = newest ? ` (the newest article is dated ${newest}; choose a week or days that hold articles)` : '';
    throw new GazetteError([...loaded.diagnostics, diagnostic('issue/empty', `no articles ${where}${hint}`, { file: articlesDir })]);
  }

  const articles = selected.map((article, index) => {
    const summarized = toDigestArticle(article, summarizeArticle(article, options.summaryCache));
    const withAbsoluteImage = { ...summarized, image: summarized.image && resolveUrl(summarized.image, config.base_url) };
    options.onArticle?.(withAbsoluteImage, index, selected.length);
    return withAbsoluteImage;
  });
  return { window, articles, loaded: { diagnostics: loaded.diagnostics } };
}

/** The files of a built issue, by name. */
export function issueFiles(result: BuildResult): Record<string, FileContent> {
  return {
    'email.html': result.preview.html,
    'email.txt': result.preview.text,
    'email.mjml': result.email.mjml,
    'email.eml': result.eml,
    // The JSON files are made as they are written: each holds much of the issue again.
    // A file others read, like a printed report: its paths are the workspace's, not this machine's.
    'digest.json': () => `${JSON.stringify({ ...result.digest, warnings: result.digest.warnings.map((d) => (d.file ? { ...d, file: workspacePath(result.workspace.root, d.file) } : d)) }, null, 2)}\n`,
    // The compiled issue with per-recipient tokens still in it: what `gazette send` sends.
    [EMAIL_JSON]: () => jsonPieces({ issue: result.digest.issue.slug, ...result.email }),
  };
}

/** Writes `out/<slug>/` all at once: a failure leaves the previous output as it was. */
export async function writeIssue(result: BuildResult): Promise<string> {
  await replaceDirectory(result.outDir, issueFiles(result));
  return result.outDir;
}

/**
 * The issue rendered for the web through the same theme, with `web` set: no per-recipient field,
 * no UTM (the parameters say "email"), and links to the archive, the feeds and the sign-up page.
 * Warnings the email's render already gave are not repeated.
 */
async function renderWebEdition(
  digest: Digest,
  theme: Theme,
  settings: ContextSettings,
  place: { config: GazetteConfig; workspace: Workspace; emailDiagnostics: readonly Diagnostic[] },
): Promise<{ html: string; diagnostics: Diagnostic[] }> {
  const { config, workspace } = place;
  const urls = siteUrls(config);
  const rendered = await renderEmail(digest, theme, { ...settings, utm: null, web: webLinks(urls) });
  const page = webEditionPage(rendered.email, { slug: digest.issue.slug, siteName: config.name, themeDir: theme.dir, subscriberFields: config.subscriber_fields, urls });
  const seen = new Set(place.emailDiagnostics.map((d) => `${d.rule}\0${d.message}`));
  const pageFile = path.join(workspace.siteDir, digest.issue.slug, 'index.html');
  const own = rendered.diagnostics
    .filter((d) => !seen.has(`${d.rule}\0${d.message}`))
    // Its MJML is not written anywhere: a line in it would point at nothing.
    .map((d) => (d.file === MJML_FILE ? { ...d, file: pageFile, line: undefined, column: undefined } : d));
  const noBase = config.base_url
    ? []
    : [diagnostic('site/no-base-url', 'set base_url to where site/ is published: without it the site has no feeds', { file: workspace.configFile ?? undefined, field: 'base_url' })];
  return { html: page.html, diagnostics: [...own, ...page.diagnostics, ...noBase] };
}

/** One issue built, written to `out/<slug>/` and published to the site. */
export interface PublishedBuild {
  result: BuildResult;
  outDir: string;
  site: PublishedSite;
}

/**
 * What `gazette build` does: builds the issue, writes `out/<slug>/` (private: the sample
 * subscriber's copy) and publishes its web edition to the site with the archive and feeds.
 * The site's lock is held only to write; the issue is built before, and built again inside the
 * lock in the rare case another build took the number it was given meanwhile.
 */
export async function buildIssue(options: BuildOptions = {}): Promise<PublishedBuild> {
  const workspace = options.workspace ?? (await resolveWorkspace(options));
  const folderProblem = siteFolderProblem(workspace);
  if (folderProblem) throw new GazetteError([folderProblem]);
  const now = options.now ?? (() => new Date());
  const request = { ...options, workspace, now, webEdition: true };
  const first = await buildDigest(request);
  return withSiteLock(workspace.siteDir, async () => {
    const { issue } = first.digest;
    const number = issueNumberFor(await readManifest(workspace.siteDir), issue.slug, first.config.issue_number);
    const result = number === issue.number ? first : await buildDigest({ ...request, onArticle: undefined });
    const outDir = await writeIssue(result);
    const site = await publishIssue(result.digest, result.web!.html, siteSettings(result), now());
    return { result, outDir, site };
  });
}

/** Every ISO week with an article that may go out (drafts only when asked) not dated after today, oldest first. */
export async function issueWeeks(options: Pick<BuildOptions, 'drafts' | 'now'> & { workspace: Workspace }): Promise<string[]> {
  const today = localDate((options.now ?? (() => new Date()))());
  const loaded = await loadArticles(options.workspace.articlesDir, { today });
  if (hasErrors(loaded.diagnostics)) throw new GazetteError([...options.workspace.configDiagnostics, ...loaded.diagnostics]);
  const dates = issueDates(loaded.articles, options.drafts ?? false).filter((date) => date <= today);
  if (dates.length === 0) {
    throw new GazetteError([diagnostic('issue/empty', `no articles dated today (${today}) or earlier`, { file: options.workspace.articlesDir })]);
  }
  return [...new Set(dates.map(isoWeek))].sort();
}

export interface BuildAllOptions extends Omit<BuildOptions, keyof WindowRequest> {
  /** Called before each week is built. */
  onWeek?: (week: string, index: number, total: number) => void;
}

/** `gazette build --all`: every week that has articles, oldest first, each one as `buildIssue` builds it. */
export async function buildAllIssues(options: BuildAllOptions = {}): Promise<PublishedBuild[]> {
  const workspace = options.workspace ?? (await resolveWorkspace(options));
  const folderProblem = siteFolderProblem(workspace);
  if (folderProblem) throw new GazetteError([folderProblem]);
  const weeks = await issueWeeks({ ...options, workspace });
  const built: PublishedBuild[] = [];
  for (const [index, week] of weeks.entries()) {
    options.onWeek?.(week, index, weeks.length);
    built.push(await buildIssue({ ...options, workspace, week }));
  }
  return built;
}

function siteSettings(result: BuildResult): SiteSettings {
  return { siteDir: result.workspace.siteDir, name: result.config.name, language: result.web!.language, urls: siteUrls(result.config) };
}

/**
 * Build lowers the quick rules of `gazette check` to warnings, so an over-size or half-configured
 * issue still renders for preview; `gazette check`, the gate before sending, reports them at their
 * own severity, and `build --strict` fails on them.
 */
function asWarnings(findings: readonly Diagnostic[]): Diagnostic[] {
  return findings.map((finding) => (finding.severity === 'error' ? { ...finding, severity: 'warning' } : finding));
}

function workspacePath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

async function readOptional(file: string): Promise<TextFile | null> {
  try {
    return await readTextFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
