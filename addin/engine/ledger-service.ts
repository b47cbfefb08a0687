import { checkSheet, checkSheetInBook } from "../../shared/index.js";
import { proposeMapping, type ProposeOptions } from "../../shared/mapping/propose.js";
import type { SheetGrid } from "../../shared/grid/types.js";
import type { Finding, SheetReport } from "../../shared/findings/types.js";
import type { ComparedLedger } from "../../shared/book/sheet-in-book.js";
import { inflateAhead, readWorkbookFile } from "../../shared/reader/index.js";
import { appendRows, emptySheet, FINDINGS_PER_MESSAGE, sheetHead, sheetPieces, toFailure, type FromWorker, type ToWorker } from "./ledger-protocol.js";

/**
 * Sheets kept for checking again, the one used last at the end; older ones are let go (the page
 * sends one again when asked to check it). Enough for a shown sheet and a book of its neighbours.
 */
export const KEEP_SHEETS = 40;

/**
 * The pane's ledger worker, as a plain message handler (ledger.worker.ts wires it to the worker
 * scope; tests drive it directly): reads a file (the platform's inflater ahead of the reader),
 * keeps its sheets, hands them to the page in pieces, and checks a kept sheet on request.
 */
export class LedgerService {
  private readonly sheets = new Map<number, SheetGrid>();
  private nextKey = 1;

  constructor(private readonly post: (m: FromWorker) => void) {}

  private keep(sheet: SheetGrid, key = this.nextKey++): number {
    this.sheets.set(key, sheet);
    while (this.sheets.size > KEEP_SHEETS) this.sheets.delete(this.sheets.keys().next().value!);
    return key;
  }

  async handle(m: ToWorker): Promise<void> {
    try {
      if (m.type === "read") await this.read(m.id, m.bytes, m.fileName);
      else if (m.type === "sheet") this.keep(emptySheet(m.head, false), m.key);
      else if (m.type === "rows") {
        const s = this.sheets.get(m.key);
        if (s) appendRows(s, m.values, m.formats);
      } else if (m.type === "check") this.check(m.id, m.key, m.opts);
      else if (m.type === "checkInBook") this.checkInBook(m.id, m.key, m.others, m.opts);
      else if (m.type === "propose") this.propose(m.id, m.key, m.opts);
    } catch (e) {
      this.post({ id: m.id, type: "failed", error: toFailure(e) });
    }
  }

  private async read(id: number, bytes: Uint8Array, fileName?: string) {
    const inflateRaw = await inflateAhead(bytes);
    const grid = readWorkbookFile(bytes, { ...(fileName ? { fileName } : {}), ...(inflateRaw ? { inflateRaw } : {}) });
    const keys = grid.sheets.map((s) => this.keep(s));
    this.post({
      id,
      type: "workbook",
      sheets: grid.sheets.map((s, i) => ({ key: keys[i]!, head: sheetHead(s), hasFormats: s.numberFormats !== undefined })),
      ...(grid.source ? { source: grid.source } : {}),
    });
    grid.sheets.forEach((s, i) => {
      for (const piece of sheetPieces(s)) if (!("head" in piece)) this.post({ id, type: "rows", key: keys[i]!, ...piece });
    });
    this.post({ id, type: "done" });
  }

  /** A kept sheet, marked as the most recently used so that the sheets in use are the last let go. */
  private sheet(key: number): SheetGrid {
    const sheet = this.sheets.get(key);
    if (!sheet) throw Object.assign(new Error(`no sheet ${key} in the ledger worker`), { name: "SheetGone" });
    this.sheets.delete(key);
    this.sheets.set(key, sheet);
    return sheet;
  }

  private check(id: number, key: number, opts: Parameters<typeof checkSheet>[1]) {
    // As a page of a one-sheet book, so that tables side by side and a transposed sheet read as the Worker reads them.
    const { report, findings } = checkSheetInBook(this.sheet(key), [], opts ?? {});
    this.answer(id, report, findings);
  }

  private checkInBook(id: number, key: number, others: number[], opts: Parameters<typeof checkSheet>[1]) {
    const { report, findings, compared } = checkSheetInBook(this.sheet(key), others.map((k) => this.sheet(k)), opts ?? {});
    this.answer(id, report, findings, compared);
  }

  private propose(id: number, key: number, opts: ProposeOptions) {
    this.post({ id, type: "proposal", proposal: proposeMapping(this.sheet(key), opts ?? {}) });
    this.post({ id, type: "done" });
  }

  private answer(id: number, report: SheetReport, findings: Finding[], compared?: ComparedLedger[]) {
    this.post({ id, type: "report", report });
    for (let i = 0; i < findings.length; i += FINDINGS_PER_MESSAGE) this.post({ id, type: "findings", findings: findings.slice(i, i + FINDINGS_PER_MESSAGE) });
    if (compared) this.post({ id, type: "compared", compared });
    this.post({ id, type: "done" });
  }
}
