import path from 'node:path';
import type { Diagnostic } from '../types.js';
import type { PreviewState } from './builds.js';

/**
 * The preview page names files relative to the workspace, the folder the editor thinks in.
 * The library keeps every path absolute; this is where the preview's HTTP edge converts them.
 */
export function pagePath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative || '.';
}

export function pageDiagnostics(diagnostics: readonly Diagnostic[], root: string): Diagnostic[] {
  return diagnostics.map((d) => (d.file ? { ...d, file: pagePath(d.file, root) } : d));
}

/** The state as `/api/state` sends it: the build's warnings or errors with workspace-relative files. */
export function pageState(state: PreviewState, root: string): PreviewState {
  const { outcome } = state;
  return {
    ...state,
    outcome: outcome.ok
      ? { ...outcome, snapshot: { ...outcome.snapshot, warnings: pageDiagnostics(outcome.snapshot.warnings, root) } }
      : { ...outcome, errors: pageDiagnostics(outcome.errors, root) },
  };
}
