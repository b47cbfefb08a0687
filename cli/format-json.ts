import type { CheckReport, Finding, SheetReport } from "../shared/findings/types.js";
import type { GridSource } from "../shared/grid/types.js";
import type { SkippedFile } from "./collect-files.js";
import type { FileOutcome } from "./outcome.js";
import { anySheetChecked } from "./exit-code.js";

/** Every file a run over several files saw: checked, unreadable (with the reason) or skipped (with why). */
export interface JsonFile {
  file: string;
  /** unchecked: read, but no sheet was recognised as a ledger, so nothing in it was checked. */
  status: "checked" | "unchecked" | "unreadable" | "skipped";
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
    for (const s of r.sheets) out.sheets.push({ ...extra, ...s, ...(o.source ? { source: o.source } : {}) });
    // One by one: a sheet may have more findings than push(...spread) can take.
    for (const f of r.findings) out.findings.push(withFile ? { file: o.file, ...f } : f);
  }
  if (withFile) {
    out.files = [
      ...outcomes.map((o): JsonFile => {
        if (!o.ok) return { file: o.file, status: "unreadable", reason: o.code };
        const status = anySheetChecked(o) ? { status: "checked" as const } : { status: "unchecked" as const, reason: "no-ledger-recognised" };
        return { file: o.file, ...status, ...(o.source ? { source: o.source } : {}) };
      }),
      ...skipped.map((s): JsonFile => ({ file: s.file, status: "skipped", reason: s.reason })),
    ];
  }
  return out;
}
