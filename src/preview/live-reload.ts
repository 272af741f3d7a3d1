import type { BuildOutcome, PreviewBuilds } from './builds.js';
import type { EventStream } from './event-stream.js';
import { pagePath } from './page-paths.js';
import { watchWorkspace, type WorkspaceWatcher } from './watcher.js';
import type { WorkspacePaths } from './workspace-paths.js';

export interface LiveReloadOptions {
  /** The builds, which resolve the workspace once per change: the watcher follows what they resolved. */
  builds: PreviewBuilds;
  events: EventStream;
  debounceMs?: number;
  /** Called after every rebuild, with the files whose change caused it. */
  onRebuild?: (outcomes: BuildOutcome[], files: string[]) => void;
  onError?: (error: Error) => void;
}

export interface LiveReload {
  paths(): WorkspacePaths;
  close(): Promise<void>;
}

/**
 * Watches the workspace; after each burst of changes rebuilds the weeks in view and tells
 * every open page (`building`, then `build`) over the event stream.
 */
export async function startLiveReload(options: LiveReloadOptions): Promise<LiveReload> {
  const { builds, events } = options;
  let paths = (await builds.workspace()).paths;
  let watcher: WorkspaceWatcher;
  // One rebuild at a time, in order, so a page never sees an older build after a newer one.
  let rebuilding = Promise.resolve();

  const rebuild = async (files: string[]) => {
    const shown = files.map((file) => pagePath(file, paths.root));
    events.send('building', { files: shown });
    const outcomes = await builds.invalidate();
    await follow((await builds.workspace()).paths);
    events.send('build', { version: builds.version, files: shown });
    options.onRebuild?.(outcomes, files);
  };
  const watch = () =>
    watchWorkspace(
      paths,
      (files) => {
        rebuilding = rebuilding.then(() => rebuild(files)).catch((error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
      },
      { debounceMs: options.debounceMs, onError: options.onError },
    );
  /** The config may move the articles or the templates: watch where they are now. */
  const follow = async (next: WorkspacePaths) => {
    const moved = next.articles !== paths.articles || next.templates !== paths.templates || next.out !== paths.out;
    paths = next;
    if (!moved) return;
    await watcher.close();
    watcher = watch();
    await watcher.ready;
  };

  watcher = watch();
  await watcher.ready;
  return {
    paths: () => paths,
    async close() {
      await watcher.close();
      await rebuilding;
    },
  };
}
