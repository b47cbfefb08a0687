import type { ColumnProfile } from "./column-profile.js";
import type { ForeignKind } from "./foreign-kinds.js";
import type { ColumnBinding } from "./layout.js";
import type { FieldParsed, LedgerKind } from "../template/schema.js";

/**
 * A blank 测评票 or 评议表: the people are listed, the boxes for votes, scores and grades are empty. It is the
 * form raters fill in, not the record of what they said, and there is nothing in it to check.
 */
export const BLANK_FORM: ForeignKind = {
  id: "blank-form",
  title: "空白的测评票或评分表（没有票数、得分或等次）",
  titleEn: "a blank ballot or score form (no votes, scores or grades)",
  decisive: [],
  headers: [],
  titles: [],
  values: [],
};

/** Ledgers that record what raters gave: votes, scores, grades. */
const SCORING_KINDS: ReadonlySet<LedgerKind> = new Set(["assessment", "appraisal", "organisation-assessment", "cadre-grades"]);

/** A field that holds what was given (a count, a score, a share, a grade), not who or where. */
function isMeasure(field: FieldParsed): boolean {
  if (field.name === "year") return false;
  const numeric = field.type === "integer" || field.type === "number" || field.type === "percent" || field.type === "money";
  return numeric || (field.content?.values?.length ?? 0) > 0 || field.repeat !== undefined;
}

/**
 * BLANK_FORM when the template scores people or branches, the sheet lists them, has columns for what was given,
 * and not one of them holds a value (a mark such as — counts as a value: someone wrote it).
 */
export function blankFormLook(kind: LedgerKind, fields: readonly FieldParsed[], columns: readonly ColumnBinding[], profiles: Map<number, ColumnProfile>): ForeignKind | null {
  if (!SCORING_KINDS.has(kind)) return null;
  const measures = columns.filter((c) => isMeasure(fields[c.fieldIndex]!));
  if (measures.length === 0) return null;
  // An import template with no rows at all is that template, empty (nothing to check, but its kind is plain):
  // a ballot lists the people to be rated.
  const listed = columns.some((c) => !isMeasure(fields[c.fieldIndex]!) && (profiles.get(c.col)?.n ?? 0) >= 2);
  if (!listed) return null;
  const empty = measures.every((c) => {
    const p = profiles.get(c.col);
    return !p || (p.n === 0 && p.markers === 0);
  });
  return empty ? BLANK_FORM : null;
}
