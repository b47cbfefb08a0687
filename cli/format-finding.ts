import type { Finding, Lang } from "../shared/findings/types.js";
import { cliText, severityLabel } from "./messages.js";

const MARK = { error: "✗", warning: "!", info: "·" } as const;

/** Where a finding sits: its cell, else the period or column it concerns. */
export function findingLocation(f: Finding): string {
  return f.cell ?? f.period ?? f.column ?? "—";
}

/** One line: "  ✗ 错误  E5  会议类型…（应为：…）". */
export function formatFinding(f: Finding, lang: Lang): string {
  const t = cliText(lang);
  const expected = f.expected ? (lang === "zh" ? `（${t.expected}：${f.expected}）` : ` (${t.expected}: ${f.expected})`) : "";
  return `  ${MARK[f.severity]} ${severityLabel(f.severity, lang)}  ${findingLocation(f).padEnd(6)} ${f.message}${expected}`;
}
