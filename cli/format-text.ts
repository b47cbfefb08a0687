import type { CheckReport, Lang } from "../shared/findings/types.js";
import { formatFinding } from "./format-finding.js";
import { formatSheetHeading } from "./format-sheet.js";
import { cliText } from "./messages.js";
import { countBySeverity, formatCounts } from "../shared/findings/summary.js";
import { appendAll } from "../shared/util/append-all.js";

/** A whole report as readable text: sheet by sheet, each with its findings, then a count. */
export function formatReportText(report: CheckReport, lang: Lang): string {
  const t = cliText(lang);
  const lines: string[] = [];
  const shown = new Set<string>();
  report.sheets.forEach((sheet, i) => {
    shown.add(sheet.sheet);
    appendAll(lines, formatSheetHeading(sheet, lang));
    // Tables side by side on one sheet have a heading each; the sheet's findings follow the last of them.
    const next = report.sheets[i + 1];
    if (next && next.sheet === sheet.sheet && next.file === sheet.file) return;
    for (const f of report.findings) if (f.sheet === sheet.sheet) lines.push(formatFinding(f, lang));
    lines.push("");
  });
  // Findings on a sheet the report does not list (should not happen) are still shown.
  const orphans = report.findings.filter((f) => !shown.has(f.sheet));
  for (const f of orphans) lines.push(`${t.sheet(f.sheet)}`, formatFinding(f, lang));
  lines.push(summaryLine(report, lang));
  return lines.join("\n");
}

/** The file's last line. It says 未发现问题 only of sheets that were checked, and says which were not. */
function summaryLine(report: CheckReport, lang: Lang): string {
  const t = cliText(lang);
  const sep = lang === "zh" ? "；" : "; ";
  const checked = report.sheets.filter((s) => s.status === "checked").length;
  const unchecked = report.sheets.length - checked;
  if (checked === 0) return t.nothingChecked;
  const counts = formatCounts(countBySeverity(report.findings), lang);
  const head = counts ? `${t.total}${lang === "zh" ? "：" : ": "}${counts}` : unchecked > 0 ? t.checkedClean : t.noProblems;
  return unchecked > 0 ? `${head}${sep}${t.uncheckedSheets(unchecked)}` : head;
}
