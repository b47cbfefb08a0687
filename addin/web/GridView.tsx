import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { a1, columnLetters } from "../../shared/grid/a1.js";
import { parseA1 } from "../../shared/grid/a1.js";
import { displayValue, parseInput } from "./display.js";
import type { WebHost } from "./host.js";

const ROW_H = 24;
const COL_W = 112;
const HEAD_W = 52;
const OVERSCAN = 10;

const MARK_BG = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" } as const;
const MARK_FG = { error: "#9C0006", warning: "#9C5700", info: "#1F4E79" } as const;

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0 },
  scroller: { flexGrow: 1, overflow: "auto", position: "relative", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: "#fff" },
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
  },
  head: { backgroundColor: "#f3f3f3", color: "#444", textAlign: "center", position: "absolute" },
  selected: { outline: "2px solid #107C41", outlineOffset: "-2px", zIndex: 1 },
  input: { position: "absolute", height: `${ROW_H}px`, boxSizing: "border-box", fontSize: "12px", zIndex: 2 },
});

/** A light, virtualised view of the active sheet: marks, selection, double-click to edit. */
export function GridView({ host }: { host: WebHost }) {
  const styles = useStyles();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [editing, setEditing] = useState<{ cell: string; text: string } | null>(null);
  const sheet = state.workbook?.sheets[state.active] ?? null;
  const origin = sheet?.origin ?? { row: 0, col: 0 };
  const rowCount = sheet ? origin.row + sheet.values.length : 0;
  const colCount = sheet ? origin.col + Math.max(1, ...sheet.values.slice(0, 2000).map((r) => r.length)) : 0;
  const marks = sheet && state.marksSheet === sheet.name ? state.marks : new Map();
  const selected = state.selected && sheet && state.selected.sheet === sheet.name ? state.selected.cell : null;

  useEffect(() => {
    const el = scroller.current;
    const p = selected ? parseA1(selected) : null;
    if (!el || !p) return;
    const top = (p.row + 1) * ROW_H;
    if (top < el.scrollTop + ROW_H || top > el.scrollTop + el.clientHeight - 2 * ROW_H) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    const left = HEAD_W + p.col * COL_W;
    if (left < el.scrollLeft + HEAD_W || left + COL_W > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, left - HEAD_W - COL_W);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [selected, state.version]);

  useEffect(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  }, [sheet]);

  if (!state.workbook) return null;
  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const cells = [];
  for (let r = first; r <= last; r++) {
    const i = r - origin.row;
    const y = (r + 1) * ROW_H;
    cells.push(
      <div key={`h${r}`} className={`${styles.cell} ${styles.head}`} style={{ top: y, left: 0, width: HEAD_W }}>
        {r + 1}
      </div>,
    );
    for (let c = 0; c < colCount; c++) {
      const j = c - origin.col;
      const addr = a1(r, c);
      const v = i >= 0 && j >= 0 ? sheet!.values[i]?.[j] : null;
      const fmt = i >= 0 && j >= 0 ? sheet!.numberFormats?.[i]?.[j] : null;
      const mark = marks.get(addr);
      cells.push(
        <div
          key={addr}
          data-cell={addr}
          data-mark={mark ?? undefined}
          aria-selected={selected === addr ? true : undefined}
          className={`${styles.cell} ${selected === addr ? styles.selected : ""}`}
          style={{ top: y, left: HEAD_W + c * COL_W, width: COL_W, ...(mark ? { backgroundColor: MARK_BG[mark as keyof typeof MARK_BG], color: MARK_FG[mark as keyof typeof MARK_FG] } : {}) }}
          title={displayValue(v, fmt)}
          onClick={() => void host.select(sheet!.name, addr)}
          onDoubleClick={() => setEditing({ cell: addr, text: displayValue(v, fmt) })}
        >
          {displayValue(v, fmt)}
        </div>,
      );
    }
  }
  const colHeads = [];
  for (let c = 0; c < colCount; c++)
    colHeads.push(
      <div key={`c${c}`} className={`${styles.cell} ${styles.head}`} style={{ top: 0, left: HEAD_W + c * COL_W, width: COL_W }}>
        {columnLetters(c)}
      </div>,
    );
  const editPos = editing ? parseA1(editing.cell) : null;
  return (
    <div className={styles.wrap} data-testid="grid">
      <TabList size="small" selectedValue={String(state.active)} onTabSelect={(_, d) => host.activate(Number(d.value))}>
        {state.workbook.sheets.map((s, k) => (s.hidden ? null : <Tab key={k} value={String(k)} data-testid="sheet-tab">{s.name}</Tab>))}
      </TabList>
      <div ref={scroller} className={styles.scroller} onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div style={{ position: "relative", height: (rowCount + 1) * ROW_H, width: HEAD_W + colCount * COL_W }}>
          <div style={{ position: "sticky", top: 0, height: ROW_H, zIndex: 3 }}>{colHeads}</div>
          {cells}
          {editing && editPos ? (
            <input
              autoFocus
              data-testid="cell-editor"
              className={styles.input}
              style={{ top: (editPos.row + 1) * ROW_H, left: HEAD_W + editPos.col * COL_W, width: COL_W }}
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  host.edit(sheet!.name, editing.cell, parseInput(editing.text));
                  setEditing(null);
                } else if (e.key === "Escape") setEditing(null);
              }}
              onBlur={() => setEditing(null)}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
