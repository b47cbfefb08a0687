import type { FieldIndex } from "./field-match.js";
import type { ForeignKind } from "./foreign-kinds.js";

/** How a column came to be known: by its header, by its content, or by both agreeing. */
export type EvidenceSource = "header" | "content" | "both";

/** One column bound to a template field. */
export interface ColumnBinding {
  fieldIndex: number;
  col: number;
  /** The header as written (a multi-row header as its path, "月份 / 1月"). */
  header: string;
  /** For a repeating group's column: its month, 1..12. */
  period?: number;
  /** For a month column whose header (or group heading) names the year: that year. */
  year?: number;
  /** For a column covering several months from `period` on (a quarter): how many. */
  span?: number;
  /** 0..1: how sure the engine is that this column is this field. */
  confidence: number;
  source: EvidenceSource;
  /** Named by a confirmed mapping (CheckOptions.mapping). */
  mapped?: boolean;
}

/** A column of the header that no field took. */
export interface UnboundColumn {
  col: number;
  header: string;
  /** Left out on purpose by a confirmed mapping. */
  ignored?: boolean;
}

/** Where a sheet's table is and what its columns are, for one template. */
export interface HeaderLayout {
  index: FieldIndex;
  /** 0-based first and last rows of the header (equal for a one-row header). */
  headerTop: number;
  headerRow: number;
  firstDataRow: number;
  columns: ColumnBinding[];
  unbound: UnboundColumn[];
  score: number;
  /** 0..1: how sure the engine is that the sheet is this template. */
  confidence: number;
  /** Names of required fields the sheet does not show. */
  missingRequired: string[];
  /** Groups of fields of which too few were found to tell this ledger from look-alikes. */
  missingDistinctive: { of: string[]; min: number }[];
  /** A word of the sheet's title that names another kind of sheet (the template's otherTitleWords). */
  otherTitle?: string;
  /** A kind of sheet that is not ours, when the sheet looks more like it. */
  foreign: ForeignKind | null;
  /** Whether the sheet passed every test for being this template. */
  acceptable: boolean;
}
