import type { Lang } from "../shared/findings/types.js";
import { cliText } from "./messages.js";
import type { FileOutcome } from "./outcome.js";
import { countBySeverity, formatCounts } from "../shared/findings/summary.js";

/** The closing line of a run over several files. */
export function formatMultiFileSummary(outcomes: readonly FileOutcome[], lang: Lang): string {
  const t = cliText(lang);
  const findings = outcomes.flatMap((o) => (o.ok ? o.report.findings : []));
  const unreadable = outcomes.filter((o) => !o.ok).length;
  const sep = lang === "zh" ? "，" : ", ";
  const parts = [t.filesChecked(outcomes.length), formatCounts(countBySeverity(findings), lang) || t.noProblems];
  if (unreadable > 0) parts.push(t.filesUnreadable(unreadable));
  return parts.join(sep);
}
