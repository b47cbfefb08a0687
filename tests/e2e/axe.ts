import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Fluent UI's focus manager (tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` at the
 * edges of tab lists and menus, by design: they only pass the focus on, and screen readers must not
 * announce them. axe reports them under aria-hidden-focus; Microsoft's own Accessibility Insights
 * suppresses exactly these (microsoft/tabster#288, microsoft/fluentui#27517, accessibility-insights-web#7605).
 * Nothing else is excused.
 */
const isTabsterDummy = (ruleId: string, html: string) => ruleId === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy=/.test(html);

/** axe-core over the page as it stands: the serious and critical violations (WCAG 2.x A/AA and best practice). */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html })) }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target} ${n.html.slice(0, 120)}`) }));
}
