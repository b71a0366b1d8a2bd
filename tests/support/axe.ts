import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The rule sets a screen must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolationNode {
  /** CSS selector path of the failing element. */
  readonly target: string[];
  readonly html: string;
  /** axe's own "Fix any of the following: …" text. */
  readonly failureSummary: string;
}

export interface AxeViolation {
  /** The rule, e.g. `color-contrast`. */
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: AxeViolationNode[];
}

export interface AxeCheckOptions {
  /** Check only this part of the page (a CSS selector); the whole document by default. */
  readonly include?: string;
  /** Parts to leave out (CSS selectors), e.g. a third-party widget. */
  readonly exclude?: string[];
  /** Rule ids to switch off; say why at the call site. */
  readonly disableRules?: string[];
}

/** What runs inside the page: axe's global, set by its own script. */
interface AxeWindow {
  axe?: typeof axe;
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now and returns the violations.
 * The script is evaluated through the DevTools protocol rather than added as a <script> tag:
 * the app's Content-Security-Policy (script-src 'self') refuses inline scripts.
 */
export async function axeViolations(page: Page, opts: AxeCheckOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => (window as unknown as AxeWindow).axe !== undefined);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ include, exclude, disableRules, tags }) => {
      const engine = (window as unknown as AxeWindow).axe;
      if (!engine) throw new Error('axe-core did not load into the page');
      const context = include ? { include, exclude: exclude ?? [] } : { exclude: exclude ?? [] };
      const rules = Object.fromEntries((disableRules ?? []).map((id) => [id, { enabled: false }]));
      const results = await engine.run(context, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary ?? '' })),
      }));
    },
    { include: opts.include, exclude: opts.exclude, disableRules: opts.disableRules, tags: [...WCAG21_AA_TAGS] },
  );
}

/** The violations as readable lines for a test failure: rule, impact, help, then each element and what to fix. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return 'no accessibility violations';
  const lines = [`${violations.length} accessibility rule(s) violated:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'no impact given'}): ${v.help} [${v.helpUrl}]`);
    for (const n of v.nodes) {
      lines.push(`    at ${n.target.join(' ')}`, `      ${n.html}`);
      for (const line of n.failureSummary.split('\n')) if (line.trim()) lines.push(`      ${line.trim()}`);
    }
  }
  return lines.join('\n');
}

/** Fails the test when the page as it is now breaks any WCAG 2.1 A/AA rule, listing what to fix. */
export async function expectAccessible(page: Page, screen: string, opts?: AxeCheckOptions): Promise<void> {
  const violations = await axeViolations(page, opts);
  expect(violations, `${screen}: ${formatViolations(violations)}`).toEqual([]);
}
