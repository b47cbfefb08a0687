import type { SheetView } from "../grid/sheet-view.js";
import { Flagged, normaliseFast, type NormProblem, type NormValue } from "../normalise/value.js";
import type { FieldParsed } from "../template/schema.js";
import type { HeaderLayout } from "../detect/find-header.js";
import { classifyRow } from "./classify-row.js";
import { allowedValuesByColumn } from "./list-validations.js";

/** One column of a repeating group (a month), shared by every record. */
export interface RepeatColumn {
  col: number;
  period: number;
  fieldIndex: number;
}

/** A data row, typed and normalised; values are indexed like the template's fields. */
export interface LedgerRecord {
  /** 0-based sheet row. */
  row: number;
  values: (NormValue | null)[];
  /** Values of the repeating group, indexed like `RecordSet.repeatColumns` (ordered by period). */
  repeat: (NormValue | null)[];
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
  /** The repeating group's columns (monthly dues), in period order. */
  repeatColumns: RepeatColumn[];
  /** Repeating fields (monthly columns) that the sheet has. */
  repeatFields: Set<number>;
  records: LedgerRecord[];
  problems: CellProblem[];
}

export function buildRecords(view: SheetView, layout: HeaderLayout): RecordSet {
  const fields = layout.index.template.fields;
  const colOf = fields.map(() => -1);
  const repeatColumns: RepeatColumn[] = [];
  for (const b of layout.columns) {
    if (b.period !== undefined) repeatColumns.push({ col: b.col, period: b.period, fieldIndex: b.fieldIndex });
    else colOf[b.fieldIndex] = b.col;
  }
  repeatColumns.sort((a, b) => a.period - b.period || a.col - b.col);
  const bound = colOf.flatMap((col, f) => (col >= 0 ? [{ f, col, type: fields[f]!.type }] : []));
  const repeatTypes = repeatColumns.map((rc) => fields[rc.fieldIndex]!.type);
  const lists = allowedValuesByColumn(view, layout.firstDataRow);
  const listOf = colOf.map((c) => (c >= 0 ? (lists.get(c) ?? null) : null));
  const records: LedgerRecord[] = [];
  const problems: CellProblem[] = [];
  for (let row = layout.firstDataRow; row < view.rowCount; row++) {
    if (classifyRow(view, row, row - layout.firstDataRow) !== "data") continue;
    const values: (NormValue | null)[] = new Array(fields.length).fill(null);
    for (const { f, col, type } of bound) {
      const v = normaliseFast(view.merged(row, col), type);
      if (v instanceof Flagged) {
        problems.push({ ...v.problem, row, col, fieldIndex: f });
        values[f] = v.value;
      } else values[f] = v;
    }
    const repeat: (NormValue | null)[] = new Array(repeatColumns.length);
    for (let i = 0; i < repeatColumns.length; i++) {
      const rc = repeatColumns[i]!;
      const v = normaliseFast(view.value(row, rc.col), repeatTypes[i]!);
      if (v instanceof Flagged) {
        problems.push({ ...v.problem, row, col: rc.col, fieldIndex: rc.fieldIndex });
        repeat[i] = v.value;
      } else repeat[i] = v;
    }
    records.push({ row, values, repeat });
  }
  const repeatFields = new Set(repeatColumns.map((r) => r.fieldIndex));
  return { fields, colOf, listOf, repeatColumns, repeatFields, records, problems };
}
