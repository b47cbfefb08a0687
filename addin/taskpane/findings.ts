import { countBySeverity, type SeverityCounts } from "../../shared/findings/summary.js";
import { findingTitle } from "../../shared/findings/titles.js";
import type { Finding, Lang, Severity } from "../../shared/findings/types.js";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

export type Counts = SeverityCounts;

export interface RuleGroup {
  code: string;
  /** The heading the clerk reads (findingTitle); the code stays available as a caption. */
  title: string;
  counts: Counts;
  findings: Finding[];
}

export interface Filter {
  severity: Severity | "all";
  column: string | "all";
}

export const NO_FILTER: Filter = { severity: "all", column: "all" };

export { countBySeverity };

export function applyFilter(findings: Finding[], filter: Filter): Finding[] {
  return findings.filter(
    (f) => (filter.severity === "all" || f.severity === filter.severity) && (filter.column === "all" || f.column === filter.column),
  );
}

/** Columns that have findings, in sheet order (A, B, ..., AA) then header names. */
export function columnsOf(findings: Finding[]): string[] {
  const set = new Set<string>();
  for (const f of findings) if (f.column) set.add(f.column);
  return [...set].sort((a, b) => a.length - b.length || a.localeCompare(b, "zh"));
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Cell findings grouped by rule code: groups with errors first, then by size; findings in row order. */
export function groupByRule(findings: Finding[], lang: Lang = "zh"): RuleGroup[] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const list = map.get(f.code) ?? [];
    list.push(f);
    map.set(f.code, list);
  }
  const groups = [...map].map(([code, list]) => ({
    code,
    title: findingTitle(code, lang),
    counts: countBySeverity(list),
    findings: list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? "").localeCompare(b.cell ?? "")),
  }));
  const worst = (g: RuleGroup) => Math.min(...g.findings.map((f) => RANK[f.severity]));
  return groups.sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length || a.code.localeCompare(b.code));
}

export interface PeriodGroup {
  period: string;
  findings: Finding[];
}

/** Findings with no cell (a month without a meeting, a quota), grouped by period. */
export function groupByPeriod(findings: Finding[]): PeriodGroup[] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.cell) continue;
    const key = f.period ?? f.column ?? "";
    map.set(key, [...(map.get(key) ?? []), f]);
  }
  return [...map].sort((a, b) => a[0].localeCompare(b[0])).map(([period, list]) => ({ period, findings: list }));
}
