import type { SheetView } from "../grid/sheet-view.js";
import { normaliseCell, type NormProblem, type NormValue } from "../normalise/value.js";
import type { FieldParsed } from "../template/schema.js";
import type { HeaderLayout } from "../detect/find-header.js";
import { classifyRow } from "./classify-row.js";
import { allowedValuesByColumn } from "./list-validations.js";

/** One column of a repeating group (a month) as read in one row. */
export interface RepeatCell {
  col: number;
  period: number;
  value: NormValue | null;
  text: string;
}

/** A data row, typed and normalised; values are indexed like the template's fields. */
export interface LedgerRecord {
  /** 0-based sheet row. */
  row: number;
  values: (NormValue | null)[];
  texts: string[];
  repeat: RepeatCell[];
}

export interface CellProblem extends NormProblem {
  row: number;
  col: number;
  fieldIndex: number;
}

export interface RecordSet {
  fields: FieldParsed[];
  /** Sheet column of each field, -1 when the sheet lacks it. */
  colOf: number[];
  /** Allowed values of a field from the sheet's own drop-down lists, when it has one. */
  listOf: (Set<string> | null)[];
  /** Repeating fields (monthly columns) that the sheet has. */
  repeatFields: Set<number>;
  records: LedgerRecord[];
  problems: CellProblem[];
}

export function buildRecords(view: SheetView, layout: HeaderLayout): RecordSet {
  const fields = layout.index.template.fields;
  const colOf = fields.map(() => -1);
  const repeatCols: { col: number; period: number; fieldIndex: number }[] = [];
  for (const b of layout.columns) {
    if (b.period !== undefined) repeatCols.push({ col: b.col, period: b.period, fieldIndex: b.fieldIndex });
    else colOf[b.fieldIndex] = b.col;
  }
  const lists = allowedValuesByColumn(view, layout.firstDataRow);
  const listOf = colOf.map((c) => (c >= 0 ? (lists.get(c) ?? null) : null));
  const records: LedgerRecord[] = [];
  const problems: CellProblem[] = [];
  for (let row = layout.firstDataRow; row < view.rowCount; row++) {
    const kind = classifyRow(view, row, row - layout.firstDataRow);
    if (kind !== "data") continue;
    const values: (NormValue | null)[] = new Array(fields.length).fill(null);
    const texts: string[] = new Array(fields.length).fill("");
    for (let f = 0; f < fields.length; f++) {
      const col = colOf[f]!;
      if (col < 0) continue;
      const n = normaliseCell(view.merged(row, col), fields[f]!.type);
      values[f] = n.value;
      texts[f] = n.text;
      if (n.problem) problems.push({ ...n.problem, row, col, fieldIndex: f });
    }
    const repeat: RepeatCell[] = [];
    for (const rc of repeatCols) {
      const n = normaliseCell(view.value(row, rc.col), fields[rc.fieldIndex]!.type);
      repeat.push({ col: rc.col, period: rc.period, value: n.value, text: n.text });
      if (n.problem) problems.push({ ...n.problem, row, col: rc.col, fieldIndex: rc.fieldIndex });
    }
    records.push({ row, values, texts, repeat });
  }
  const repeatFields = new Set(repeatCols.map((r) => r.fieldIndex));
  return { fields, colOf, listOf, repeatFields, records, problems };
}
