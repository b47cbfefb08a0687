import type { Lang } from "../shared/findings/types.js";
import { cliText } from "./messages.js";
import type { FileOutcome } from "./outcome.js";
import type { SkippedFile } from "./collect-files.js";
import { countBySeverity, formatCounts } from "../shared/findings/summary.js";

/** The closing lines of a run over several files: the counts, then every file seen and not checked, with why. */
export function formatMultiFileSummary(outcomes: readonly FileOutcome[], lang: Lang, skipped: readonly SkippedFile[] = []): string {
  const t = cliText(lang);
  const findings = outcomes.flatMap((o) => (o.ok ? o.report.findings : []));
  const unreadable = outcomes.filter((o) => !o.ok).length;
  const sep = lang === "zh" ? "，" : ", ";
  const parts = [t.filesChecked(outcomes.length), formatCounts(countBySeverity(findings), lang) || t.noProblems];
  if (unreadable > 0) parts.push(t.filesUnreadable(unreadable));
  const lines = [parts.join(sep)];
  if (skipped.length > 0) {
    lines.push(t.filesSkipped(skipped.length));
    for (const s of skipped) lines.push(`  ${s.file}${lang === "zh" ? "：" : ": "}${t.skipReason[s.reason]}`);
  }
  return lines.join("\n");
}
