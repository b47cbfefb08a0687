import { comparePeriods } from "../../shared/calendar/period-order.js";
import { MESSAGES } from "../../shared/findings/messages.js";
import { renderMessage } from "../../shared/findings/render.js";
import { countBySeverity, groupDigits, type SeverityCounts } from "../../shared/findings/summary.js";
import { findingTitle } from "../../shared/findings/titles.js";
import type { Finding, Lang, Severity } from "../../shared/findings/types.js";
import { minOf } from "../../shared/util/append-all.js";

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
  const worst = (g: RuleGroup) => minOf(g.findings.map((f) => RANK[f.severity]));
  return groups.sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length || a.code.localeCompare(b.code));
}

export interface PeriodGroup {
  period: string;
  findings: Finding[];
}

/**
 * Findings with no cell (a month without a meeting, a quota), grouped by period in period order
 * (2025, 2025-Q1, 2025-01 …); those with no period (a missing column, a quota) under "" (the whole
 * sheet), last — never under a column's name.
 */
export function groupByPeriod(findings: Finding[]): PeriodGroup[] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.cell) continue;
    const key = f.period ?? "";
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
  return [...map]
    .sort((a, b) => (a[0] === "" ? 1 : b[0] === "" ? -1 : comparePeriods(a[0], b[0])))
    .map(([period, list]) => ({ period, findings: list }));
}

/** Arguments that are counts of people, votes or meetings (never a value as typed, a year or a row number). */
const COUNTS = new Set(["members", "count", "present", "expected", "leave", "valid", "total", "excellent", "assessed", "allowed", "rank", "yes"]);
/** Arguments that may carry an amount of money as text ("5100.00"). */
const AMOUNTS = new Set(["value", "expected", "cap"]);
const AMOUNT = /(?<![\d.])\d{4,}\.\d{2}(?![\d.])/g;

/** A finding's message as the clerk reads it: counts and amounts with thousands separators (1,200.00 元). */
export function displayMessage(f: Finding, lang: Lang): string {
  if (!f.args || !MESSAGES[f.code]) return f.message;
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.args)) {
    if (typeof v === "number") args[k] = COUNTS.has(k) && Number.isInteger(v) && Math.abs(v) >= 1000 ? groupDigits(v) : v;
    else args[k] = AMOUNTS.has(k) ? v.replace(AMOUNT, (m) => groupDigits(m)) : v;
  }
  return renderMessage(f.code, lang, args);
}
