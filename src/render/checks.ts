import { quickCheck, type QuickCheckSettings } from '../check/quick.js';
import type { Diagnostic } from '../types.js';

export type HtmlCheckSettings = QuickCheckSettings;

/**
 * The quick rules of `gazette check`, as `build` reports them. Build lowers them to warnings
 * so an over-size or half-configured issue still renders for preview; `gazette check`,
 * the gate before sending, reports them at their own severity, and `build --strict` fails on them.
 */
export function checkHtml(html: string, settings: HtmlCheckSettings): Diagnostic[] {
  return quickCheck(html, settings).map((finding) => (finding.severity === 'error' ? { ...finding, severity: 'warning' } : finding));
}
