import path from 'node:path';
import type { BuildOptions, BuildResult } from '../build.js';
import { diagnostic, GazetteError } from '../diagnostics.js';
import type { SummaryCache } from '../issue/digest.js';
import { loadArticles } from '../load/articles.js';
import type { Diagnostic } from '../types.js';
import { toSnapshot, workspaceRelative, type PreviewSnapshot } from './snapshot.js';
import { issueWeeks, type IssueWeek } from './weeks.js';
import { workspacePaths, type PreviewSource } from './workspace-paths.js';

export type BuildOutcome =
  | { ok: true; version: number; builtAt: string; snapshot: PreviewSnapshot }
  | { ok: false; version: number; builtAt: string; errors: Diagnostic[] };

export interface PreviewState {
  version: number;
  /** Every week with articles, newest first. */
  weeks: IssueWeek[];
  /** The week shown: the one asked for, or the newest. Null when there are no articles. */
  week: string | null;
  outcome: BuildOutcome;
}

export type BuildFunction = (options: BuildOptions) => Promise<BuildResult>;

export interface PreviewBuildsOptions extends PreviewSource {
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
  readonly #outcomes = new Map<string, Promise<BuildOutcome>>();
  #weeks: Promise<IssueWeek[]> | null = null;
  readonly #summaryCache: SummaryCache;

  constructor(private readonly options: PreviewBuildsOptions) {
    this.#summaryCache = options.summaryCache ?? new Map();
  }

  get version(): number {
    return this.#version;
  }

  async state(requestedWeek?: string | null): Promise<PreviewState> {
    const weeks = await this.weeks();
    const week = requestedWeek || weeks[0]?.week || null;
    const outcome = await this.outcome(week);
    return { version: outcome.version, weeks, week, outcome };
  }

  weeks(): Promise<IssueWeek[]> {
    this.#weeks ??= this.#listWeeks();
    return this.#weeks;
  }

  /** The build of a week (`''` for the default window when there is none), built once per version. */
  outcome(week: string | null): Promise<BuildOutcome> {
    const key = week ?? '';
    let outcome = this.#outcomes.get(key);
    if (!outcome) {
      outcome = this.#build(key, this.#version);
      this.#outcomes.set(key, outcome);
    }
    return outcome;
  }

  /** Forgets every build after a change and rebuilds the weeks that were being looked at. */
  async invalidate(): Promise<BuildOutcome[]> {
    const inView = [...this.#outcomes.keys()];
    this.#version++;
    this.#outcomes.clear();
    this.#weeks = null;
    return Promise.all(inView.map((week) => this.outcome(week || null)));
  }

  async #build(week: string, version: number): Promise<BuildOutcome> {
    const { root, config, articles, templates, out, drafts, now } = this.options;
    const builtAt = (now ?? (() => new Date()))().toISOString();
    try {
      const result = await this.options.build({
        root,
        config: config && path.resolve(root, config),
        articles,
        templates,
        out,
        drafts,
        now,
        week: week || undefined,
        summaryCache: this.#summaryCache,
      });
      return { ok: true, version, builtAt, snapshot: toSnapshot(result, root) };
    } catch (error) {
      return { ok: false, version, builtAt, errors: workspaceRelative(buildErrors(error), root) };
    }
  }

  async #listWeeks(): Promise<IssueWeek[]> {
    const paths = await workspacePaths(this.options);
    const { articles } = await loadArticles(paths.articles);
    return issueWeeks(articles, this.options.drafts ?? false);
  }
}

/** What the page shows when a build fails: the build's own diagnostics, or the crash. */
export function buildErrors(error: unknown): Diagnostic[] {
  if (error instanceof GazetteError) return error.diagnostics;
  const message = error instanceof Error ? error.message : String(error);
  return [diagnostic('preview/build-failed', `the build failed unexpectedly: ${message}`)];
}
