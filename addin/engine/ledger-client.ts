import type { CheckOptions } from "../../shared/check/options.js";
import type { Finding, SheetReport } from "../../shared/findings/types.js";
import type { ComparedLedger } from "../../shared/book/sheet-in-book.js";
import type { SheetGrid, WorkbookGrid } from "../../shared/grid/types.js";
import type { MappingProposal, ProposeOptions } from "../../shared/mapping/propose.js";
import { appendAll } from "../../shared/util/append-all.js";
import { appendRows, emptySheet, fromFailure, sheetPieces, type FromWorker, type ToWorker } from "./ledger-protocol.js";

/** Anything that carries messages both ways: a Worker, or (tests) the service behind a structured clone. */
export interface Port {
  postMessage(m: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
}

/**
 * The page's side of the ledger worker. `read` and `check` resolve once every piece has come;
 * each piece is one short task on the page. A sheet the worker already holds (it read it, or was
 * sent it) is checked by its key; any other (a sheet read from Excel, a sheet after an edit) is
 * sent first, a thousand rows a message.
 */
export class LedgerClient {
  private nextId = 1;
  private nextKey = 1_000_000;
  private readonly pending = new Map<number, (m: FromWorker) => void>();
  /** Sheets the worker holds, by the grid object the page has. */
  private readonly known = new WeakMap<SheetGrid, number>();

  constructor(private readonly port: Port) {
    port.onmessage = (e) => this.pending.get(e.data.id)?.(e.data);
  }

  read(bytes: Uint8Array, fileName?: string): Promise<WorkbookGrid> {
    let grid: WorkbookGrid | null = null;
    const byKey = new Map<number, SheetGrid>();
    return this.request(
      (id) => this.port.postMessage({ id, type: "read", bytes, ...(fileName !== undefined ? { fileName } : {}) }, [bytes.buffer]),
      (m) => {
        if (m.type === "workbook") {
          grid = { sheets: m.sheets.map((s) => emptySheet(s.head, s.hasFormats)), ...(m.source ? { source: m.source } : {}) };
          m.sheets.forEach((s, i) => {
            byKey.set(s.key, grid!.sheets[i]!);
            this.known.set(grid!.sheets[i]!, s.key);
          });
        } else if (m.type === "rows") appendRows(byKey.get(m.key)!, m.values, m.formats);
      },
      () => grid!,
    );
  }

  /** The worker's key for this sheet, sending it first (a thousand rows a message) when it holds none. */
  private keyOf(sheet: SheetGrid): number {
    let key = this.known.get(sheet);
    if (key === undefined) {
      key = this.nextKey++;
      for (const piece of sheetPieces(sheet)) {
        if ("head" in piece) this.port.postMessage({ id: 0, type: "sheet", key, head: piece.head });
        else this.port.postMessage({ id: 0, type: "rows", key, ...piece });
      }
      this.known.set(sheet, key);
    }
    return key;
  }

  check(sheet: SheetGrid, opts: CheckOptions): Promise<{ report: SheetReport; findings: Finding[] }> {
    return this.again([sheet], () => {
      const key = this.keyOf(sheet);
      return this.ask((id) => this.port.postMessage({ id, type: "check", key, opts }));
    });
  }

  /** The sheet checked against the workbook's other sheets (each sent once, then known by its key). */
  async checkInBook(sheet: SheetGrid, others: SheetGrid[], opts: CheckOptions): Promise<{ report: SheetReport; findings: Finding[]; compared: ComparedLedger[] }> {
    const r = await this.again([sheet, ...others], () => {
      const key = this.keyOf(sheet);
      const otherKeys = others.map((o) => this.keyOf(o));
      return this.ask((id) => this.port.postMessage({ id, type: "checkInBook", key, others: otherKeys, opts }));
    });
    return { ...r, compared: r.compared ?? [] };
  }

  /** The mapping step's proposal for the sheet, made in the worker from the sheet it holds. */
  propose(sheet: SheetGrid, opts: ProposeOptions): Promise<MappingProposal | null> {
    return this.again([sheet], () => {
      const key = this.keyOf(sheet);
      let proposal: MappingProposal | null = null;
      return this.request(
        (id) => this.port.postMessage({ id, type: "propose", key, opts }),
        (m) => {
          if (m.type === "proposal") proposal = m.proposal;
        },
        () => proposal,
      );
    });
  }

  /** The worker lets old sheets go: one it no longer holds is sent again, once. */
  private async again<T>(sheets: SheetGrid[], run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if ((e as { name?: string }).name !== "SheetGone") throw e;
      for (const s of sheets) this.known.delete(s);
      return run();
    }
  }

  private ask(send: (id: number) => void): Promise<{ report: SheetReport; findings: Finding[]; compared?: ComparedLedger[] }> {
    let report: SheetReport | null = null;
    let compared: ComparedLedger[] | undefined;
    const findings: Finding[] = [];
    return this.request(
      send,
      (m) => {
        if (m.type === "report") report = m.report;
        else if (m.type === "findings") appendAll(findings, m.findings);
        else if (m.type === "compared") compared = m.compared;
      },
      () => ({ report: report!, findings, ...(compared ? { compared } : {}) }),
    );
  }

  /** One request: its pieces taken as they come, its answer once "done" comes, its refusal as an Error. */
  private request<T>(send: (id: number) => void, take: (m: FromWorker) => void, answer: () => T): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => {
        if (m.type === "done") this.settle(id, () => resolve(answer()));
        else if (m.type === "failed") this.settle(id, () => reject(fromFailure(m.error)));
        else take(m);
      });
      send(id);
    });
  }

  /** The worker died (its script failed to load, it crashed): every request still waiting fails with WorkerGone. */
  broken(reason: string): void {
    for (const [id, answer] of this.pending) answer({ id, type: "failed", error: { name: "WorkerGone", message: reason } });
  }

  private settle(id: number, then: () => void) {
    this.pending.delete(id);
    then();
  }
}
