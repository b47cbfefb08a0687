import type { Lang } from "../shared/findings/types.js";
import { anySheetChecked } from "./exit-code.js";
import { cliText } from "./messages.js";
import type { FileOutcome } from "./outcome.js";
import { countBySeverity, formatCounts } from "../shared/findings/summary.js";

/** The closing line of a run over several files: unchecked and unreadable files are counted apart, never as clean. */
export function formatMultiFileSummary(outcomes: readonly FileOutcome[], lang: Lang): string {
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
  parts.push(counts || (checked.length > 0 ? (unchecked + unreadable > 0 ? t.checkedClean : t.noProblems) : t.nothingChecked));
  return parts.join(sep);
}
