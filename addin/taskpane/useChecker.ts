import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckOptions } from "../../shared/check/options.js";
import { determinedFix } from "../../shared/findings/fix.js";
import type { Finding, SheetReport } from "../../shared/findings/types.js";
import { parseA1 } from "../../shared/grid/a1.js";
import type { CellValue, SheetGrid } from "../../shared/grid/types.js";
import { checkInWorkbook, checkOneSheet } from "../engine/index.js";
import type { ComparedLedger } from "../../shared/book/sheet-in-book.js";
import { marksFor } from "../host/marks.js";
import type { CellSnapshot, LedgerHost, SheetChange } from "../host/types.js";
import { debounceCollect } from "./debounce.js";
import { freshen, routeChanges } from "./changes.js";
import { patchRows } from "./patch.js";
import { maxOf, minOf } from "../../shared/util/append-all.js";

export interface TemplatePick {
  id: string;
  version?: number;
}

export interface CheckerState {
  grid: SheetGrid | null;
  report: SheetReport | null;
  findings: Finding[];
  /** True once 检查 ran and until 清除标记: marks are on the sheet and edits are re-checked. */
  marked: boolean;
  /** True once 检查 ran on this sheet: the findings list is shown. */
  checked: boolean;
  busy: boolean;
  error: string | null;
  /** Milliseconds the last check (read + engine + marks) took. */
  lastMs: number | null;
  /** How many live re-checks have run (for tests and the status line). */
  rechecks: number;
  /** Other sheets edited since the pane last read them: their findings (if any) are out of date. */
  stale: string[];
  /** The workbook's other ledgers the shown sheet was checked against (roster, dues, …). */
  compared: ComparedLedger[];
}

/** One 改为应为值 the clerk made, kept for 撤销. */
export interface AppliedFix {
  finding: Finding;
  value: CellValue;
  snapshots: CellSnapshot[];
}

/** A cell of a grid by A1 address, null outside it. */
export function cellValueAt(grid: SheetGrid, cell: string): CellValue {
  const p = parseA1(cell);
  if (!p) return null;
  const origin = grid.origin ?? { row: 0, col: 0 };
  return grid.values[p.row - origin.row]?.[p.col - origin.col] ?? null;
}

const EMPTY: CheckerState = { grid: null, report: null, findings: [], marked: false, checked: false, busy: false, error: null, lastMs: null, rechecks: 0, stale: [], compared: [] };

export const LIVE_DEBOUNCE_MS = 300;

/**
 * The pane's check workflow over any LedgerHost: recognise, check and mark, live re-check, clear,
 * and 改为应为值 with 撤销. `options` say what to check against and on which day (the collection's,
 * or the clerk's date); a new object re-checks.
 */
export function useChecker(host: LedgerHost, options: CheckOptions) {
  const [state, setState] = useState<CheckerState>(EMPTY);
  const ref = useRef(state);
  ref.current = state;
  const opts = useCallback(() => options, [options]);
  /** The grid and options the findings in state were computed from (see run); `book` when against the other sheets. */
  const computed = useRef<{ grid: SheetGrid; opts: typeof opts; book: boolean } | null>(null);
  /**
   * The workbook's other sheets as last read, by name: 检查 reads them (web mode: on every
   * check, they are in memory), live re-checks reuse them, and an edit to one re-reads it.
   */
  const others = useRef<Map<string, SheetGrid>>(new Map());
  // Excel reads the other sheets only on 检查 (a sync per block of each); web mode has them in memory.
  const bookOnRecognise = host.kind === "web";

  const checkShown = useCallback(
    (grid: SheetGrid) => checkInWorkbook(grid, [...others.current.values()].filter((o) => o.name !== grid.name), opts()),
    [opts],
  );

  const run = useCallback(
    async (mark: boolean) => {
      const t0 = performance.now();
      setState((s) => ({ ...s, busy: true, error: null }));
      try {
        const grid = await host.readActiveSheet();
        if (!grid) {
          setState((s) => ({ ...EMPTY, stale: s.stale }));
          return;
        }
        // Web mode hands back the very grid object until it changes (edit, new file): 检查 right
        // after the file was recognised reuses that result instead of checking the sheet twice.
        // Excel reads a fresh grid every time, so there it always checks.
        const cur = ref.current;
        const book = Boolean(host.readOtherSheets && (mark || bookOnRecognise));
        const reuse = computed.current?.grid === grid && computed.current.opts === opts && computed.current.book === book && cur.grid === grid && cur.report;
        let result: { report: SheetReport; findings: Finding[]; compared: ComparedLedger[] };
        if (reuse) result = { report: cur.report!, findings: cur.findings, compared: cur.compared };
        else if (book) {
          others.current = new Map((await host.readOtherSheets!(grid.name)).map((o) => [o.name, o]));
          result = await checkShown(grid);
        } else result = { ...(await checkOneSheet(grid, opts())), compared: [] };
        const { report, findings, compared } = result;
        host.showHeaderRow?.(grid.name, report.headerRow);
        if (mark) await host.mark(grid.name, marksFor(findings, grid.name));
        computed.current = { grid, opts, book };
        setState((s) => ({
          ...s,
          grid,
          report,
          findings,
          compared,
          busy: false,
          marked: mark || (s.marked && s.grid?.name === grid.name),
          checked: mark || (s.checked && s.grid?.name === grid.name),
          lastMs: performance.now() - t0,
          stale: freshen(s.stale, grid.name),
        }));
      } catch (e) {
        setState((s) => ({ ...s, busy: false, error: e instanceof Error ? e.message : String(e) }));
      }
    },
    [host, opts, checkShown, bookOnRecognise],
  );

  /**
   * Edits: the sheet being shown is re-checked (once 检查 ran); any other sheet is marked stale,
   * and one the shown sheet was checked against is read again and the shown sheet re-checked.
   * `force` re-checks the pane's own writes (改为应为值, 撤销) even with the marks cleared.
   */
  const recheck = useCallback(
    async (changes: SheetChange[], force = false) => {
      const cur = ref.current;
      if (!cur.grid) return;
      const shown = cur.grid.name;
      const { mine, stale } = routeChanges(changes, shown, cur.stale);
      if (stale.length !== cur.stale.length) setState((s) => ({ ...s, stale: routeChanges(changes, shown, s.stale).stale }));
      const asBook = computed.current?.book ?? false;
      // Only an edit to a ledger the shown sheet was compared with can change its findings.
      const companions = asBook ? [...new Set(changes.map((c) => c.sheet))].filter((n) => n !== shown && cur.compared.some((c) => c.sheet === n)) : [];
      if (!(cur.marked || (force && cur.checked)) || (!mine.length && !companions.length)) return;
      try {
        for (const name of companions) {
          const fresh = await host.readSheet(name);
          if (fresh) others.current.set(name, fresh);
          else others.current.delete(name);
        }
        let grid: SheetGrid | null;
        // A structural edit: read the shown sheet again whole (by name: it need not be the active one).
        if (!mine.length) grid = cur.grid;
        else if (mine.some((c) => c.rows === null)) grid = await host.readSheet(shown);
        else {
          const first = minOf(mine.map((c) => c.rows!.first));
          const last = maxOf(mine.map((c) => c.rows!.last));
          grid = patchRows(cur.grid, await host.readRows(cur.grid.name, first, last));
        }
        if (!grid) return;
        const { report, findings, compared } = asBook ? await checkShown(grid) : { ...(await checkOneSheet(grid, opts())), compared: [] };
        if (ref.current.marked) await host.mark(grid.name, marksFor(findings, grid.name));
        computed.current = { grid, opts, book: asBook };
        setState((s) => ({ ...s, grid, report, findings, compared, rechecks: s.rechecks + 1 }));
      } catch (e) {
        setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      }
    },
    [host, opts, checkShown],
  );

  const shownSheet = state.grid?.name ?? null;
  useEffect(() => {
    const queue = debounceCollect<SheetChange>(LIVE_DEBOUNCE_MS, (batch) => void recheck(batch));
    let off: (() => void) | null = null;
    let gone = false;
    // Subscribed again when the shown sheet changes: a host that hears one sheet only follows it.
    host
      .onChanged((c) => queue.push(c), shownSheet ?? undefined)
      .then((unsubscribe) => {
        if (gone) unsubscribe();
        else off = unsubscribe;
      })
      .catch(() => {
        // The sheet went away before the subscription: nothing to hear.
      });
    return () => {
      gone = true;
      queue.cancel();
      off?.();
    };
  }, [host, recheck, shownSheet]);

  const clear = useCallback(async () => {
    const sheet = ref.current.grid?.name;
    if (!sheet) return;
    try {
      await host.clearMarks(sheet);
      setState((s) => ({ ...s, marked: false }));
    } catch (e) {
      setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
    }
  }, [host]);

  const select = useCallback((f: Finding) => (f.cell ? host.select(f.sheet, f.cell) : Promise.resolve()), [host]);

  /** 改为应为值: write the value the rules determine into the finding's cell, re-check that row. Null when there is none. */
  const applyFix = useCallback(
    async (f: Finding): Promise<AppliedFix | null> => {
      const grid = ref.current.grid;
      if (!grid || !f.cell || f.row === null || !host.writeCells) return null;
      const value = determinedFix(f, cellValueAt(grid, f.cell));
      if (value === undefined) return null;
      try {
        const snapshots = await host.writeCells(f.sheet, [{ cell: f.cell, value }]);
        await recheck([{ sheet: f.sheet, rows: { first: f.row, last: f.row } }], true);
        return { finding: f, value, snapshots };
      } catch (e) {
        setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
        return null;
      }
    },
    [host, recheck],
  );

  /** 撤销: put the cell back as it was before the fix, re-check that row. */
  const undoFix = useCallback(
    async (fix: AppliedFix): Promise<void> => {
      if (!host.restoreCells) return;
      try {
        await host.restoreCells(fix.finding.sheet, fix.snapshots);
        const row = fix.finding.row!;
        await recheck([{ sheet: fix.finding.sheet, rows: { first: row, last: row } }], true);
      } catch (e) {
        setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      }
    },
    [host, recheck],
  );

  const recognise = useCallback(() => run(false), [run]);
  const check = useCallback(() => run(true), [run]);
  return { state, recognise, check, clear, select, applyFix, undoFix };
}
