import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { AXE_RULES_COVERED_STATICALLY, AXE_TAGS, OFFSET_ATTRIBUTE, type AxeNode, type AxeViolation, type ColorScheme } from './rules/axe.js';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The little of the page's globals the audit touches; the project compiles without DOM types. */
interface PageGlobals {
  axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  document: { querySelector(selector: string): { closest(selector: string): { getAttribute(name: string): string | null } | null } | null };
}

interface PageViolation {
  id: string;
  help: string;
  nodes: { target: string; offset: string | null; summary: string }[];
}

/**
 * Loads the HTML into Chromium with every request refused (the check runs offline and remote
 * images would only stall it), injects axe-core and runs it once per colour scheme.
 */
export async function auditAccessibility(markedHtml: string, launch: () => Promise<Browser>): Promise<AxeViolation[]> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    const violations: AxeViolation[] = [];
    for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
      await page.emulateMedia({ colorScheme });
      await page.setContent(markedHtml, { waitUntil: 'load' });
      await page.addScriptTag({ path: AXE_SCRIPT });
      const options: RunOptions = {
        runOnly: { type: 'tag', values: AXE_TAGS },
        rules: Object.fromEntries(AXE_RULES_COVERED_STATICALLY.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      };
      const found = await page.evaluate(
        async ({ options, attribute }) => {
          const page = globalThis as unknown as PageGlobals;
          const results = await page.axe.run(page.document, options);
          return results.violations.map((violation: Result) => ({
            id: violation.id,
            help: violation.help,
            nodes: violation.nodes.map((node) => {
              const target = String(node.target.at(-1) ?? '');
              const checks = [...node.any, ...node.all, ...node.none];
              return {
                target,
                offset: page.document.querySelector(target)?.closest(`[${attribute}]`)?.getAttribute(attribute) ?? null,
                summary: checks[0]?.message ?? node.failureSummary ?? '',
              };
            }),
          }));
        },
        { options, attribute: OFFSET_ATTRIBUTE },
      );
      violations.push(
        ...found.map((violation: PageViolation) => ({
          ...violation,
          colorScheme,
          nodes: violation.nodes.map((node): AxeNode => ({ ...node, offset: node.offset === null ? null : Number(node.offset) })),
        })),
      );
    }
    return violations;
  } finally {
    await browser.close();
  }
}
