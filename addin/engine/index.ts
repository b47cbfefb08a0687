/**
 * The pane's one door to the engine (shared/). Everything else imports from here. Checking runs
 * in the ledger worker (ledger.worker.ts), off the page's main thread; where a worker cannot
 * start, the engine loads in the page as its own chunk instead. Either way the engine (templates,
 * rule set, rules, zod) is not part of the pane's initial JavaScript.
 */
import type { CheckOptions, ComparedLedger, Finding, SheetGrid, SheetReport, WorkbookGrid } from "../../shared/index.js";
import type { MappingProposal, ProposeOptions } from "../../shared/mapping/propose.js";
import type { InferOptions, InferredTemplate } from "../../shared/template/infer/infer-template.js";
import { LedgerClient, type Port } from "./ledger-client.js";

export interface TemplateChoice {
  id: string;
  version: number;
  kind: string;
  title: string;
  titleEn: string;
}

let loading: Promise<typeof import("./engine.js")> | null = null;
/** The engine module in the page, loaded once (the template picker's list; the fallback check). */
export const loadEngine = () => (loading ??= import("./engine.js"));

let client: LedgerClient | null | undefined;
/** The ledger worker, started on first use; null where workers cannot start. */
function ledgerWorker(): LedgerClient | null {
  if (client !== undefined) return client;
  try {
    if (typeof Worker === "undefined") throw new Error("no workers here");
    const worker = new Worker(new URL("./ledger.worker.ts", import.meta.url), { type: "module", name: "ledger" });
    client = new LedgerClient(worker as unknown as Port);
    // A worker whose script fails to load reports an error event: fall back to the page from then on.
    const started = client;
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      client = null;
      started.broken(e.message || "the ledger worker stopped");
    });
  } catch {
    client = null;
  }
  return client;
}

export async function templateChoices(): Promise<TemplateChoice[]> {
  const { BUILTIN_TEMPLATES } = await loadEngine();
  return BUILTIN_TEMPLATES.map((t) => ({ id: t.id, version: t.version, kind: t.kind, title: t.title, titleEn: t.titleEn }));
}

const workerGone = (e: unknown) => (e as { name?: string })?.name === "WorkerGone";

export async function checkOneSheet(sheet: SheetGrid, opts: CheckOptions): Promise<{ report: SheetReport; findings: Finding[] }> {
  const w = ledgerWorker();
  if (w) {
    try {
      return await w.check(sheet, opts);
    } catch (e) {
      if (!workerGone(e)) throw e;
    }
  }
  const { checkSheetInBook } = await loadEngine();
  const { report, findings } = checkSheetInBook(sheet, [], opts);
  return { report, findings };
}

/**
 * The shown sheet checked against the workbook's other ledgers (the roster lends admission and
 * transfers to the dues ledger, …): the shown sheet's findings, cross-ledger ones included, and
 * the ledgers it was compared with.
 */
export async function checkInWorkbook(
  sheet: SheetGrid,
  others: SheetGrid[],
  opts: CheckOptions,
): Promise<{ report: SheetReport; findings: Finding[]; compared: ComparedLedger[] }> {
  if (!others.length) return { ...(await checkOneSheet(sheet, opts)), compared: [] };
  const w = ledgerWorker();
  if (w) {
    try {
      return await w.checkInBook(sheet, others, opts);
    } catch (e) {
      if (!workerGone(e)) throw e;
    }
  }
  const { checkSheetInBook } = await loadEngine();
  return checkSheetInBook(sheet, others, opts);
}

/** The mapping step's proposal for a sheet (shared/mapping/propose.ts). */
export async function mappingProposal(sheet: SheetGrid, opts: ProposeOptions): Promise<MappingProposal | null> {
  // In the ledger worker, which holds the sheet already: profiling a 20,000-row sheet's columns is no task for the page.
  const w = ledgerWorker();
  if (w) {
    try {
      return await w.propose(sheet, opts);
    } catch (e) {
      if (!workerGone(e)) throw e;
    }
  }
  const { proposeMapping } = await loadEngine();
  return proposeMapping(sheet, opts);
}

/** 「从此表生成模板」: a template proposed from the sheet (shared/template/infer). */
export async function inferFromSheet(sheet: SheetGrid, opts: InferOptions): Promise<InferredTemplate> {
  const { inferTemplate } = await loadEngine();
  return inferTemplate(sheet, opts);
}

/** A ledger file read in the worker (the page keeps painting), or in the page where no worker starts. */
export async function readLedgerFile(file: Blob, fileName: string): Promise<WorkbookGrid> {
  const w = ledgerWorker();
  if (w) {
    try {
      // The bytes are handed over (transferred): the page keeps no copy.
      const grid = await w.read(new Uint8Array(await file.arrayBuffer()), fileName);
      // The page shows the grid in a task of its own, not in the one that took the last piece.
      await new Promise((r) => setTimeout(r, 0));
      return grid;
    } catch (e) {
      if (!workerGone(e)) throw e;
    }
  }
  const { readWorkbookFile } = await import("../web/reader.js");
  return readWorkbookFile(new Uint8Array(await file.arrayBuffer()), { fileName });
}
