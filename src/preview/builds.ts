import type { BuildOptions, BuildResult } from '../build.js';
import { checkCompiledIssue } from '../check/check-built-issue.js';
import { systemEnvironment } from '../check/environment.js';
import { QUICK_GROUPS } from '../check/quick.js';
import { issueFingerprint } from '../check/saved-check.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { localDate } from '../issue/calendar.js';
import type { SummaryCache } from '../issue/digest.js';
import { defaultWeek, issueDates } from '../issue/window.js';
import { loadArticles } from '../load/articles.js';
import type { Diagnostic } from '../types.js';
import { quickChecks, toSnapshot, type PreviewSnapshot } from './snapshot.js';
import { issueWeeks, type IssueWeek } from './weeks.js';
import { previewWorkspace, type PreviewSource, type PreviewWorkspace } from './workspace-paths.js';

export type BuildOutcome =
  | { ok: true; version: number; builtAt: string; snapshot: PreviewSnapshot }
  | { ok: false; version: number; builtAt: string; errors: Diagnostic[] };

export interface PreviewState {
  version: number;
  /** Every week with articles, newest first. */
  weeks: IssueWeek[];
  /** The week shown: the one asked for, or the one `gazette build` builds by default. Null when there is none. */
  week: string | null;
  outcome: BuildOutcome;
}

export type BuildFunction = (options: BuildOptions) => Promise<BuildResult>;

export interface PreviewBuildsOptions extends PreviewSource {
  /** Week shown when none is asked for; default the week `gazette build` builds (see `defaultWeek`). */
  week?: string;
  drafts?: boolean;
  build: BuildFunction;
  /** Kept across rebuilds so an edit re-summarizes only the article it touched. */
  summaryCache?: SummaryCache;
  now?: () => Date;
}

/**
 * The latest build of each week someone is looking at. A change to the workspace
 * invalidates them all; the weeks in view are rebuilt at once, others when next asked for.
 */
export class PreviewBuilds {
  #version = 0;
  /** Per week: what the page is shown, and the build itself for sending a test of exactly that. */
  readonly #builds = new Map<string, Promise<{ outcome: BuildOutcome; result: BuildResult | null }>>();
  #listing: Promise<{ weeks: IssueWeek[]; defaultWeek: string | null }> | null = null;
  #workspace: Promise<PreviewWorkspace> | null = null;
  readonly #summaryCache: SummaryCache;

  constructor(private readonly options: PreviewBuildsOptions) {
    this.#summaryCache = options.summaryCache ?? new Map();
  }

  get version(): number {
    return this.#version;
  }

  /** The workspace of the current version: resolved once, when first needed after each change. */
  workspace(): Promise<PreviewWorkspace> {
    this.#workspace ??= previewWorkspace(this.options);
    return this.#workspace;
  }

  async state(requestedWeek?: string | null): Promise<PreviewState> {
    const weeks = await this.weeks();
    const week = await this.pick(requestedWeek);
    const outcome = await this.outcome(week);
    return { version: outcome.version, weeks, week, outcome };
  }

  /** The week asked for, else `--week`, else the week `gazette build` builds by default; null when there is none. */
  async pick(requestedWeek?: string | null): Promise<string | null> {
    return requestedWeek || this.options.week || (await this.#listed()).defaultWeek;
  }

  async weeks(): Promise<IssueWeek[]> {
    return (await this.#listed()).weeks;
  }

  #listed(): Promise<{ weeks: IssueWeek[]; defaultWeek: string | null }> {
    this.#listing ??= this.#listWeeks();
    return this.#listing;
  }

  /** The build of a week (`''` for the default window when there is none), built once per version. */
  async outcome(week: string | null): Promise<BuildOutcome> {
    return (await this.#built(week)).outcome;
  }

  /** The successful build of a week, or null when it does not build. */
  async result(week: string | null): Promise<BuildResult | null> {
    return (await this.#built(week)).result;
  }

  #built(week: string | null): Promise<{ outcome: BuildOutcome; result: BuildResult | null }> {
    const key = week ?? '';
    let built = this.#builds.get(key);
    if (!built) {
      built = this.#build(key, this.#version);
      this.#builds.set(key, built);
    }
    return built;
  }

  /** Forgets every build after a change and rebuilds the weeks that were being looked at. */
  async invalidate(): Promise<BuildOutcome[]> {
    const inView = [...this.#builds.keys()];
    this.#version++;
    this.#builds.clear();
    this.#listing = null;
    this.#workspace = null;
    return Promise.all(inView.map((week) => this.outcome(week || null)));
  }

  async #build(week: string, version: number): Promise<{ outcome: BuildOutcome; result: BuildResult | null }> {
    const { drafts, now } = this.options;
    const builtAt = (now ?? (() => new Date()))().toISOString();
    try {
      const resolved = await this.workspace();
      if (!resolved.workspace) return { outcome: { ok: false, version, builtAt, errors: resolved.problems }, result: null };
      const result = await this.options.build({ workspace: resolved.workspace, drafts, now, week: week || undefined, summaryCache: this.#summaryCache });
      // The same groups on the same message as `gazette check`: one source of truth for both.
      const issue = { slug: result.digest.issue.slug, dir: result.outDir, email: result.email };
      const { report } = await checkCompiledIssue(systemEnvironment(), result.workspace, issue, { groups: QUICK_GROUPS, now });
      const snapshot = await toSnapshot(result, quickChecks(report), issueFingerprint(result.email));
      return { outcome: { ok: true, version, builtAt, snapshot }, result };
    } catch (error) {
      return { outcome: { ok: false, version, builtAt, errors: buildErrors(error) }, result: null };
    }
  }

  async #listWeeks(): Promise<{ weeks: IssueWeek[]; defaultWeek: string | null }> {
    const { paths } = await this.workspace();
    const { articles } = await loadArticles(paths.articles);
    const drafts = this.options.drafts ?? false;
    const today = localDate((this.options.now ?? (() => new Date()))());
    return { weeks: issueWeeks(articles, drafts), defaultWeek: defaultWeek(issueDates(articles, drafts), today) };
  }
}

/** What the page shows when a build fails: the build's own diagnostics, or the crash. */
export function buildErrors(error: unknown): Diagnostic[] {
  if (error instanceof GazetteError) return error.diagnostics;
  const message = error instanceof Error ? error.message : String(error);
  return [diagnostic('preview/build-failed', `the build failed unexpectedly: ${message}`)];
}
