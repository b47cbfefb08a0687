import type { SheetGrid } from "../grid/types.js";
import { foldLongForm } from "../detect/long-form.js";
import { unfoldPathCells } from "../detect/path-cells.js";
import type { UnfoldedMatrix } from "../detect/meeting-matrix.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import { prepareSheet, type PreparedSheet } from "./check-sheet.js";
import type { CheckOptions } from "./options.js";
import type { TemplateParsed } from "../template/schema.js";

/**
 * A sheet no ledger fits read as a development record kept in long form (one row per step, the name
 * repeated): folded into one record per person and checked as the development record. Null when the
 * sheet is no such record, or its folded form does not read as one.
 */
export function prepareLongForm(sheet: SheetGrid, opts: CheckOptions): { prepared: PreparedSheet; folded: UnfoldedMatrix } | null {
  return prepareUnfolded(sheet, opts, foldLongForm);
}

/** The same for a development record whose path is one cell a person (发展历程: 2019.3.5递交入党申请书；…). */
export function preparePathCells(sheet: SheetGrid, opts: CheckOptions): { prepared: PreparedSheet; folded: UnfoldedMatrix } | null {
  return prepareUnfolded(sheet, opts, unfoldPathCells);
}

function prepareUnfolded(sheet: SheetGrid, opts: CheckOptions, unfold: (sheet: SheetGrid, template: TemplateParsed) => UnfoldedMatrix | null): { prepared: PreparedSheet; folded: UnfoldedMatrix } | null {
  if (opts.template) return null;
  const template = (opts.templates ?? BUILTIN_TEMPLATES).find((t) => t.kind === "development");
  if (!template) return null;
  const folded = unfold(sheet, template);
  if (!folded) return null;
  const p = prepareSheet(folded.grid, { ...opts, template: { id: template.id, version: template.version } });
  if (p.done) return null;
  return { prepared: { ...p.sheet, forced: false }, folded };
}
