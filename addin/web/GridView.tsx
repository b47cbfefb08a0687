import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { a1, columnLetters, parseA1 } from "../../shared/grid/a1.js";
import type { SheetGrid } from "../../shared/grid/types.js";
import { useT } from "../taskpane/i18n.js";
import { displayValue, parseInput } from "./display.js";
import type { WebHost } from "./host.js";
import { columnWidths } from "./widths.js";
import { maxOf } from "../../shared/util/append-all.js";

const ROW_H = 24;
const HEAD_W = 52;
const OVERSCAN = 10;

const MARK_BG = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;
const MARK_FG = { error: "#9C0006", warning: "#9C5700", info: "#1F4E79" } as const;

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0, minWidth: 0 },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    position: "relative",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "#fff",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  cell: {
    position: "absolute",
    height: `${ROW_H}px`,
    lineHeight: `${ROW_H - 1}px`,
    boxSizing: "border-box",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    padding: "0 4px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    fontSize: "12px",
    color: "#242424",
    backgroundColor: "#fff",
  },
  head: { backgroundColor: "#f3f3f3", color: "#424242", textAlign: "center" },
  frozen: { backgroundColor: "#f7f7f7", fontWeight: tokens.fontWeightSemibold, borderBottom: "2px solid #c8c8c8" },
  selected: { outline: "2px solid #107C41", outlineOffset: "-2px", zIndex: 1 },
  input: { position: "absolute", height: `${ROW_H}px`, boxSizing: "border-box", fontSize: "12px", zIndex: 4 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

type Editing = { cell: string; text: string };

/** A cell's value and number format in sheet coordinates (0-based row and column). */
function cellOf(sheet: SheetGrid, r: number, c: number) {
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const i = r - origin.row;
  const j = c - origin.col;
  if (i < 0 || j < 0) return { v: null, fmt: null };
  return { v: sheet.values[i]?.[j] ?? null, fmt: sheet.numberFormats?.[i]?.[j] ?? null };
}

/**
 * A light, virtualised view of the active sheet, worked like a spreadsheet: marks, selection,
 * arrows to move, Enter/F2 or typing to edit (an edit commits on Enter, Tab or leaving the cell,
 * Escape cancels), the ledger's header row kept in view, columns as wide as their contents.
 */
export function GridView({ host }: { host: WebHost }) {
  const styles = useStyles();
  const t = useT();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [editing, setEditing] = useState<Editing | null>(null);
  /** Set once an edit is committed or cancelled, so the blur that follows does not commit it again. */
  const finished = useRef(false);
  const sheet = state.workbook?.sheets[state.active] ?? null;
  const origin = sheet?.origin ?? { row: 0, col: 0 };
  const rowCount = sheet ? origin.row + sheet.values.length : 0;
  const colCount = sheet ? origin.col + Math.max(1, maxOf(sheet.values.slice(0, 2000).map((r) => r.length))) : 0;
  const marks = sheet && state.marksSheet === sheet.name ? state.marks : new Map<string, string>();
  const selected = state.selected && sheet && state.selected.sheet === sheet.name ? state.selected.cell : null;
  const headerRow = sheet ? (state.headerRows.get(sheet.name) ?? null) : null;
  const widths = useMemo(() => (sheet ? columnWidths(sheet, colCount, headerRow) : []), [sheet, colCount, headerRow]);
  const lefts = useMemo(() => {
    const out = [HEAD_W];
    for (const w of widths) out.push(out[out.length - 1]! + w);
    return out;
  }, [widths]);

  // Bring the selected cell into view (a finding clicked in the pane, or the arrow keys).
  useEffect(() => {
    const el = scroller.current;
    const p = selected ? parseA1(selected) : null;
    if (!el || !p || p.col >= widths.length) return;
    const frozenH = headerRow ? 2 * ROW_H : ROW_H;
    const top = (p.row + 1) * ROW_H;
    if (top < el.scrollTop + frozenH || top > el.scrollTop + el.clientHeight - 2 * ROW_H) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    const left = lefts[p.col]!;
    const right = left + widths[p.col]!;
    if (left < el.scrollLeft + HEAD_W) el.scrollLeft = Math.max(0, left - HEAD_W);
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth + 4;
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [selected, state.version, headerRow, lefts, widths]);

  useEffect(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    setEditing(null);
  }, [sheet?.name, state.fileName]);

  if (!state.workbook || !sheet) return null;

  const startEdit = (cell: string, text?: string) => {
    const p = parseA1(cell)!;
    const { v, fmt } = cellOf(sheet, p.row, p.col);
    finished.current = false;
    setEditing({ cell, text: text ?? displayValue(v, fmt) });
  };
  /** Commit the edit; with a move (Enter, Tab) select the next cell and keep the keyboard on the grid. */
  const commit = (move: [number, number] | null) => {
    if (!editing || finished.current) return;
    finished.current = true;
    host.edit(sheet.name, editing.cell, parseInput(editing.text));
    setEditing(null);
    const p = parseA1(editing.cell)!;
    if (move) {
      void host.select(sheet.name, a1(Math.max(0, p.row + move[0]), Math.max(0, p.col + move[1])));
      scroller.current?.focus({ preventScroll: true });
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.target !== scroller.current) return;
    const p = selected ? parseA1(selected) : null;
    const at = p ?? { row: headerRow ?? origin.row, col: origin.col };
    const page = Math.max(1, Math.floor(view.height / ROW_H) - 2);
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageUp: [-page, 0], PageDown: [page, 0] };
    const move = moves[e.key];
    if (move) {
      const row = p ? Math.min(rowCount - 1, Math.max(0, at.row + move[0])) : at.row;
      const col = p ? Math.min(colCount - 1, Math.max(0, at.col + move[1])) : at.col;
      void host.select(sheet.name, a1(row, col));
    } else if ((e.key === "Enter" || e.key === "F2") && p) startEdit(selected!);
    else if ((e.key === "Delete" || e.key === "Backspace") && p) host.edit(sheet.name, selected!, null);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && p) startEdit(selected!, e.key);
    else return;
    e.preventDefault();
  };

  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const rowCells = (r: number, y: number, extra = "", keyPrefix = "") => {
    const out = [
      <div key={`${keyPrefix}h${r}`} className={`${styles.cell} ${styles.head} ${extra}`} style={{ top: y, left: 0, width: HEAD_W }}>
        {r + 1}
      </div>,
    ];
    for (let c = 0; c < colCount; c++) {
      const addr = a1(r, c);
      const { v, fmt } = cellOf(sheet, r, c);
      const mark = marks.get(addr) as keyof typeof MARK_BG | undefined;
      const text = displayValue(v, fmt);
      const isSel = !keyPrefix && selected === addr;
      out.push(
        <div
          key={`${keyPrefix}${addr}`}
          data-cell={keyPrefix ? undefined : addr}
          data-frozen-cell={keyPrefix ? addr : undefined}
          data-mark={mark ?? undefined}
          data-selected={isSel ? "true" : undefined}
          className={`${styles.cell} ${extra} ${isSel ? styles.selected : ""}`}
          style={{ top: y, left: lefts[c], width: widths[c], ...(mark ? { backgroundColor: MARK_BG[mark], color: MARK_FG[mark] } : {}) }}
          title={text}
          onMouseDown={(e) => {
            // Keep focus on the grid (for the keyboard) instead of on the cell.
            e.preventDefault();
            scroller.current?.focus({ preventScroll: true });
          }}
          onClick={() => void host.select(sheet.name, addr)}
          onDoubleClick={() => startEdit(addr)}
        >
          {text}
        </div>,
      );
    }
    return out;
  };
  const cells = [];
  for (let r = first; r <= last; r++) for (const cell of rowCells(r, (r + 1) * ROW_H)) cells.push(cell);
  // The header row stays under the column letters once it would scroll out of view.
  const freeze = headerRow !== null && view.top > (headerRow - 1) * ROW_H;
  const colHeads = [];
  for (let c = 0; c < colCount; c++)
    colHeads.push(
      <div key={`c${c}`} className={`${styles.cell} ${styles.head}`} style={{ top: 0, left: lefts[c], width: widths[c] }}>
        {columnLetters(c)}
      </div>,
    );
  const editPos = editing ? parseA1(editing.cell) : null;
  const selPos = selected ? parseA1(selected) : null;
  const selText = selPos ? `${selected}：${displayValue(cellOf(sheet, selPos.row, selPos.col).v, cellOf(sheet, selPos.row, selPos.col).fmt) || t.emptyCell}` : "";
  return (
    <div className={styles.wrap} data-testid="grid">
      <TabList size="small" selectedValue={String(state.active)} onTabSelect={(_, d) => host.activate(Number(d.value))} aria-label={t.sheets}>
        {state.workbook.sheets.map((s, k) =>
          s.hidden ? null : (
            <Tab key={k} value={String(k)} data-testid="sheet-tab">
              {s.name}
            </Tab>
          ),
        )}
      </TabList>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={t.gridLabel(sheet.name)}
        aria-describedby="grid-selection"
        data-testid="grid-scroller"
        onKeyDown={onKeyDown}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <div style={{ position: "relative", height: (rowCount + 1) * ROW_H, width: lefts[lefts.length - 1] }}>
          <div style={{ position: "sticky", top: 0, height: ROW_H, zIndex: 3 }}>{colHeads}</div>
          {cells}
          {freeze ? (
            <div data-testid="frozen-header" style={{ position: "absolute", top: 0, left: 0, zIndex: 2 }}>
              {rowCells(headerRow - 1, view.top + ROW_H, styles.frozen, "f")}
            </div>
          ) : null}
          {editing && editPos ? (
            <input
              autoFocus
              data-testid="cell-editor"
              aria-label={t.editCell(editing.cell)}
              className={styles.input}
              style={{ top: (editPos.row + 1) * ROW_H, left: lefts[editPos.col], width: Math.max(widths[editPos.col] ?? 0, 120) }}
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === "Enter") commit([1, 0]);
                else if (e.key === "Tab") {
                  e.preventDefault();
                  commit([0, e.shiftKey ? -1 : 1]);
                } else if (e.key === "Escape") {
                  finished.current = true;
                  setEditing(null);
                  scroller.current?.focus({ preventScroll: true });
                }
              }}
              // Leaving the cell commits the edit, as in Excel; only Escape drops it.
              onBlur={() => commit(null)}
            />
          ) : null}
        </div>
      </div>
      <div id="grid-selection" className={styles.hidden} aria-live="polite" data-testid="grid-selection">
        {selText}
      </div>
    </div>
  );
}
