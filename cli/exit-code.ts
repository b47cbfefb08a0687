import type { FileOutcome } from "./outcome.js";

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

/** 2 if any file could not be read, else 1 if any finding is an error, else 0. */
export function exitCodeFor(outcomes: readonly FileOutcome[]): number {
  if (outcomes.some((o) => !o.ok)) return EXIT_UNREADABLE;
  if (outcomes.some((o) => o.ok && o.report.findings.some((f) => f.severity === "error"))) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}
