import path from 'node:path';
import type { Diagnostic } from '../types.js';
import type { PreviewState } from './builds.js';
import type { WebEdition } from './issue-files.js';
import type { FullCheckView, Readiness } from './readiness.js';

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

/** `/api/state`: the build, the last full check of the issue, what may be said about sending, and its web edition. */
export interface PageStateAnswer extends PreviewState {
  fullCheck: FullCheckView | null;
  readiness: Readiness;
  web: WebEdition | null;
}

/** The state as `/api/state` sends it: every diagnostic with a workspace-relative file. */
export function pageState(state: PreviewState & Omit<PageStateAnswer, keyof PreviewState>, root: string): PageStateAnswer {
  const { outcome } = state;
  const files = (diagnostics: readonly Diagnostic[]) => pageDiagnostics(diagnostics, root);
  return {
    ...state,
    outcome: outcome.ok
      ? {
          ...outcome,
          snapshot: {
            ...outcome.snapshot,
            warnings: files(outcome.snapshot.warnings),
            checks: { ...outcome.snapshot.checks, findings: files(outcome.snapshot.checks.findings) },
          },
        }
      : { ...outcome, errors: files(outcome.errors) },
    // The full check was saved with workspace-relative files already (see `toSavedCheck`).
  };
}
