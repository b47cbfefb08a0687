import type { FieldParsed } from "../template/schema.js";
import type { ColumnProfile } from "./column-profile.js";

/**
 * How well a column's content fits a field, from 0 (nothing fits) to 1 (everything does),
 * or null when the column has no content to judge. Dates fit date fields, 18-digit IDs
 * fit ID fields, names fit name fields, values from a field's known list fit that field.
 */
export function contentFit(field: FieldParsed, p: ColumnProfile, knownValues?: (text: string) => boolean): number | null {
  if (p.n === 0) return null;
  const share = (k: number) => Math.min(1, k / p.n);
  switch (field.type) {
    case "idNumber":
      return share(p.validIds + 0.8 * (p.idLike - p.validIds));
    case "date":
    case "datetime":
      return share(p.dates + 0.8 * (p.bareSerials + p.yearlessDays));
    case "month":
      return share(p.months + p.dates + 0.8 * p.bareSerials + p.numbers * 0.5);
    case "money":
    case "number":
    case "integer":
    case "percent":
      return share(p.numbers + p.numericText);
    case "phone":
      return share(p.mobiles + 0.7 * Math.max(0, p.numericText - p.mobiles));
    case "boolean":
      return share(countTexts(p, (t) => /^(是|否|有|无|√|×|y|n|yes|no)$/i.test(t)) + p.numbers);
    case "string":
      return stringFit(field, p, knownValues);
  }
}

function countTexts(p: ColumnProfile, test: (t: string) => boolean): number {
  let k = 0;
  for (const [t, count] of p.texts) if (test(t)) k += count;
  return k;
}

/** How clerks separate the items of a list in one cell: 称职、优秀、称职. */
const LIST_SEPARATORS = /\s*[、，,;；／/]\s*/;

/**
 * A cell that names two or more of a field's values, one after another (近三年考核等次 称职、优秀、称职),
 * is a list of several years or people, not the one value a row of that field holds.
 */
function listOfValues(text: string, values: readonly string[]): boolean {
  const parts = text.split(LIST_SEPARATORS).filter((p) => p !== "");
  return parts.length >= 2 && parts.every((p) => values.includes(p));
}

function stringFit(field: FieldParsed, p: ColumnProfile, knownValues?: (text: string) => boolean): number {
  const values = field.content?.values ?? field.constraints?.enum;
  const texts = p.textCells;
  // Known values are judged on the distinct texts seen (a sample), weighted by how often each occurs.
  const seen = [...p.texts.values()].reduce((a, b) => a + b, 0);
  if (values && values.length > 0) {
    const hits = countTexts(p, (t) => !listOfValues(t, values) && (values.some((v) => t === v || t.includes(v)) || (knownValues?.(t) ?? false)));
    return Math.min(1, hits / Math.max(1, seen));
  }
  if (field.content?.kind === "personName") return Math.min(1, (0.3 * texts + 0.7 * p.names) / p.n);
  if (knownValues) return Math.min(1, countTexts(p, knownValues) / Math.max(1, seen));
  // Free text: anything written fits; a column of dates or numbers fits a little.
  return Math.min(1, (texts - p.dates + 0.5 * (p.numbers + p.dates)) / p.n);
}
