import type { CheckReport, Finding, SheetReport } from "../shared/findings/types.js";
import type { GridSource } from "../shared/grid/types.js";
import type { SkippedFile } from "./collect-files.js";
import type { FileOutcome } from "./outcome.js";

/** Every file a run over several files saw: checked, unreadable (with the reason) or skipped (with why). */
export interface JsonFile {
  file: string;
  status: "checked" | "unreadable" | "skipped";
  reason?: string;
  source?: GridSource;
}

export interface JsonReport {
  sheets: (SheetReport & { file?: string; source?: GridSource })[];
  findings: (Finding & { file?: string })[];
  files?: JsonFile[];
}

/**
 * `{ sheets, findings }`; each sheet says what file format it was read from (`source`). With
 * several files every sheet and finding says which file it came from, and `files` lists every
 * file seen, checked or not; unreadable files also appear on stderr.
 */
export function toJsonReport(outcomes: readonly FileOutcome[], withFile: boolean, skipped: readonly SkippedFile[] = []): JsonReport {
  const out: JsonReport = { sheets: [], findings: [] };
  for (const o of outcomes) {
    if (!o.ok) continue;
    const r: CheckReport = o.report;
    const extra = { ...(withFile ? { file: o.file } : {}) };
    out.sheets.push(...r.sheets.map((s) => ({ ...extra, ...s, ...(o.source ? { source: o.source } : {}) })));
    out.findings.push(...(withFile ? r.findings.map((f) => ({ file: o.file, ...f })) : r.findings));
  }
  if (withFile) {
    out.files = [
      ...outcomes.map((o): JsonFile => (o.ok ? { file: o.file, status: "checked", ...(o.source ? { source: o.source } : {}) } : { file: o.file, status: "unreadable", reason: o.code })),
      ...skipped.map((s): JsonFile => ({ file: s.file, status: "skipped", reason: s.reason })),
    ];
  }
  return out;
}
