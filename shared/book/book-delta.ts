import type { CheckReport, Finding } from "../findings/types.js";
import type { CheckOptions } from "../check/options.js";
import { checkBook, type BookPart } from "./check-book.js";

/** What checking the parts together changes against checking each alone. */
export interface BookDelta {
  /** The whole book's report (every part's sheets and findings). */
  report: CheckReport;
  /** Findings the book raises that no part alone does (a dues row after a transfer out, a committee too small for the roster). */
  added: Finding[];
  /** Findings of a part alone that the book shows were not so (months before admission are not unpaid). */
  withdrawn: Finding[];
}

const keyOf = (f: Finding, file: string | undefined) => `${file ?? ""}\u0000${f.sheet}\u0000${f.cell ?? f.period ?? f.column ?? ""}\u0000${f.code}`;

/**
 * A branch's book against its parts: the Worker stores each submission's own findings, so
 * what the admin needs to see of the book is the difference. Every part needs a distinct `file`
 * (a submission's label) to tell its findings apart.
 */
export function bookDelta(parts: BookPart[], opts: CheckOptions = {}): BookDelta {
  const report = checkBook(parts, opts);
  const alone = new Map<string, Finding>();
  for (const part of parts) {
    const own = checkBook([{ ...part, file: undefined, options: part.options }], { ...opts, ...(part.file ? { fileName: part.file } : {}) });
    for (const f of own.findings) alone.set(keyOf(f, part.file), { ...f, ...(part.file ? { file: part.file } : {}) });
  }
  const together = new Set<string>();
  const added: Finding[] = [];
  for (const f of report.findings) {
    const k = keyOf(f, parts.length > 1 ? f.file : parts[0]?.file);
    together.add(k);
    if (!alone.has(k)) added.push(f);
  }
  const withdrawn = [...alone.entries()].filter(([k]) => !together.has(k)).map(([, f]) => f);
  return { report, added, withdrawn };
}
