import type { Finding, Lang, Severity } from "../shared/findings/types.js";

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** "3 处错误，2 处提醒" / "3 errors, 2 warnings"; zero counts are left out. */
export function formatCounts(c: SeverityCounts, lang: Lang): string {
  const parts =
    lang === "zh"
      ? [c.error && `${c.error} 处错误`, c.warning && `${c.warning} 处提醒`, c.info && `${c.info} 条提示`]
      : [
          c.error && `${c.error} error${c.error === 1 ? "" : "s"}`,
          c.warning && `${c.warning} warning${c.warning === 1 ? "" : "s"}`,
          c.info && `${c.info} info`,
        ];
  return parts.filter(Boolean).join(lang === "zh" ? "，" : ", ");
}
