import path from 'node:path';
import { watch } from 'chokidar';
import { isInside } from './safe-path.js';
import type { WorkspacePaths } from './workspace-paths.js';

export interface WorkspaceWatcher {
  /** Resolves once the initial scan is done: changes after it are reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Editors save in bursts (write, rename, touch); one rebuild per burst is enough. */
export const DEFAULT_DEBOUNCE_MS = 80;

/**
 * chokidar reports at most one change per file every 50 ms and drops the rest. Waiting
 * longer than that before rebuilding means the rebuild reads what a dropped event would
 * have announced, so no edit is missed.
 */
const MIN_DEBOUNCE_MS = 60;

/** Whether a change to `file` can change the issue: articles, templates and the config. */
export function affectsIssue(file: string, paths: Pick<WorkspacePaths, 'articles' | 'templates' | 'configFiles'>): boolean {
  const resolved = path.resolve(file);
  return isInside(paths.articles, resolved) || isInside(paths.templates, resolved) || paths.configFiles.includes(resolved);
}

/**
 * Calls `onChange` with the changed files once a burst of changes has settled. The
 * config's folder is watched, not only the file, so a config created later is noticed.
 */
export function watchWorkspace(
  paths: WorkspacePaths,
  onChange: (files: string[]) => void,
  { debounceMs = DEFAULT_DEBOUNCE_MS, onError }: { debounceMs?: number; onError?: (error: Error) => void } = {},
): WorkspaceWatcher {
  const configDirs = [...new Set(paths.configFiles.map((file) => path.dirname(file)))];
  const settle = Math.max(debounceMs, MIN_DEBOUNCE_MS);
  const watcher = watch([paths.articles, paths.templates, ...configDirs], {
    ignoreInitial: true,
    // Everything under the watched folders that is not part of the issue (node_modules, out/) is skipped, folders included.
    ignored: (file) => !configDirs.includes(path.resolve(file)) && !affectsIssue(file, paths),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const files = [...pending];
    pending = new Set();
    onChange(files);
  };
  watcher.on('all', (_event, file) => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(flush, settle);
  });
  watcher.on('error', (error) => onError?.(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
