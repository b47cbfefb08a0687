import type { CheckReport, Finding, SheetReport } from "../shared/findings/types.js";
import type { FileOutcome } from "./outcome.js";

export interface JsonReport {
  sheets: (SheetReport & { file?: string })[];
  findings: (Finding & { file?: string })[];
}

/**
 * Exactly `{ sheets, findings }`. With several files every sheet and finding says which
 * file it came from; unreadable files appear only on stderr.
 */
export function toJsonReport(outcomes: readonly FileOutcome[], withFile: boolean): JsonReport {
  const out: JsonReport = { sheets: [], findings: [] };
  for (const o of outcomes) {
    if (!o.ok) continue;
    const r: CheckReport = o.report;
    out.sheets.push(...(withFile ? r.sheets.map((s) => ({ file: o.file, ...s })) : r.sheets));
    out.findings.push(...(withFile ? r.findings.map((f) => ({ file: o.file, ...f })) : r.findings));
  }
  return out;
}
