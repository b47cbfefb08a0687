import type { FileOutcome } from "./outcome.js";

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;
/** No error found, but some input had no sheet checked: a batch never exits 0 over an unchecked file. */
export const EXIT_UNCHECKED = 3;

/** Whether a readable file had any sheet checked against a template (unrecognised and skipped sheets are not). */
export function anySheetChecked(o: Extract<FileOutcome, { ok: true }>): boolean {
  return o.report.sheets.some((s) => s.status === "checked");
}

/** 2 if any file could not be read, else 1 if any finding is an error, else 3 if a file had no sheet checked, else 0. */
export function exitCodeFor(outcomes: readonly FileOutcome[]): number {
  if (outcomes.some((o) => !o.ok)) return EXIT_UNREADABLE;
  if (outcomes.some((o) => o.ok && o.report.findings.some((f) => f.severity === "error"))) return EXIT_FINDINGS;
  if (outcomes.some((o) => o.ok && !anySheetChecked(o))) return EXIT_UNCHECKED;
  return EXIT_CLEAN;
}
