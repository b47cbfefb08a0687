import type { Finding, Lang } from "../shared/findings/types.js";
import { findingLocation } from "../shared/findings/location.js";
import { cliText, severityLabel } from "./messages.js";

const MARK = { error: "✗", warning: "!", info: "·" } as const;

/** One line: "  ✗ 错误  E5  会议类型…（应为：…）". */
export function formatFinding(f: Finding, lang: Lang): string {
  const t = cliText(lang);
  const expected = f.expected ? (lang === "zh" ? `（${t.expected}：${f.expected}）` : ` (${t.expected}: ${f.expected})`) : "";
  const where = findingLocation(f);
  // Period findings usually open with the period already ("2019-03 没有…"): do not say it twice.
  const shown = f.cell === null && f.message.startsWith(where) ? "" : `${where.padEnd(6)} `;
  return `  ${MARK[f.severity]} ${severityLabel(f.severity, lang)}  ${shown}${f.message}${expected}`;
}
