import type { Lang } from "../shared/findings/types.js";
import { anySheetChecked } from "./exit-code.js";
import { cliText } from "./messages.js";
import type { FileOutcome } from "./outcome.js";
import type { SkippedFile } from "./collect-files.js";
import { countBySeverity, formatCounts } from "../shared/findings/summary.js";

/** The closing lines of a run over several files: unchecked and unreadable files counted apart (never as clean), then every file seen and not checked, with why. */
export function formatMultiFileSummary(outcomes: readonly FileOutcome[], lang: Lang, skipped: readonly SkippedFile[] = []): string {
  const t = cliText(lang);
  const readable = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok);
  const checked = readable.filter(anySheetChecked);
  const findings = checked.flatMap((o) => o.report.findings);
  const unreadable = outcomes.length - readable.length;
  const unchecked = readable.length - checked.length;
  const sep = lang === "zh" ? "，" : ", ";
  const counts = formatCounts(countBySeverity(findings), lang);
  const parts = [t.filesSummary(outcomes.length), t.filesCheckedOf(checked.length)];
  if (unchecked > 0) parts.push(t.filesUnchecked(unchecked));
  if (unreadable > 0) parts.push(t.filesUnreadable(unreadable));
  parts.push(counts || (checked.length > 0 ? (unchecked + unreadable + skipped.length > 0 ? t.checkedClean : t.noProblems) : t.nothingChecked));
  const lines = [parts.join(sep)];
  if (skipped.length > 0) {
    lines.push(t.filesSkipped(skipped.length));
    for (const s of skipped) lines.push(`  ${s.file}${lang === "zh" ? "：" : ": "}${t.skipReason[s.reason]}`);
  }
  return lines.join("\n");
}
