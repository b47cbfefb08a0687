import { childText, findElements } from "./xml-text.js";

/** A list validation as written in the sheet XML, before its source is resolved. */
export interface RawListValidation {
  /** Space-separated ranges, e.g. "E2:E9 G2". */
  sqref: string;
  /** The list source: a quoted list, a range, or a defined name. */
  formula1: string;
}

/**
 * Finds `type="list"` validations in the part of a sheet after `</sheetData>`: the
 * classic `<dataValidation sqref>` form and the Excel 2010 `<x14:dataValidation>` form in
 * extLst (which Excel uses when the list lives on another sheet).
 */
export function findListValidations(tailXml: string): RawListValidation[] {
  const out: RawListValidation[] = [];
  for (const dv of findElements(tailXml, "dataValidation")) {
    if (dv.attrs.type !== "list") continue;
    const f1 = findElements(dv.inner, "formula1")[0];
    if (!f1) continue;
    // x14 nests the formula in <xm:f> and the ranges in <xm:sqref>.
    const formula1 = childText(f1.inner, "f") ?? childText(dv.inner, "formula1");
    const sqref = dv.attrs.sqref ?? childText(dv.inner, "sqref");
    if (formula1 && sqref) out.push({ sqref: sqref.trim(), formula1: formula1.trim() });
  }
  return out;
}
