import { z } from "@hono/zod-openapi";
import type { WorkbookGrid as WorkbookGridType } from "../../shared/grid/types.js";
import { CellValue, SheetGrid, WorkbookGrid } from "../../shared/api/schemas.js";

/**
 * The grid of a submission, checked against the shared WorkbookGrid schema without the copy a zod
 * parse makes of every row: the sheets' small parts are parsed as usual, their `values` and
 * `numberFormats` a thousand rows at a time (each slice's copy is let go at once), and every issue
 * keeps the path and code a whole parse would give (grid.sheets.0.values.0.0). The value handed on
 * is the grid as received.
 */
const ROWS_AT_ONCE = 1000;
const SheetHead = SheetGrid.extend({ values: z.array(z.unknown()), numberFormats: z.array(z.unknown()).optional() });
const GridHead = WorkbookGrid.extend({ sheets: z.array(z.unknown()).min(1).max(50) });
const Rows = z.array(z.array(CellValue));
const FormatRows = z.array(z.array(z.string().nullable()));

type Issue = z.core.$ZodIssue;

export function gridIssues(grid: unknown): Issue[] {
  const head = GridHead.safeParse(grid);
  if (!head.success) return head.error.issues;
  const out: Issue[] = [];
  head.data.sheets.forEach((sheet, s) => {
    const at = (path: PropertyKey[]) => ["sheets", s, ...path];
    const sh = SheetHead.safeParse(sheet);
    if (!sh.success) {
      for (const i of sh.error.issues) out.push({ ...i, path: at(i.path) });
      return;
    }
    for (const [field, schema] of [["values", Rows], ["numberFormats", FormatRows]] as const) {
      const rows = sh.data[field];
      if (!rows) continue;
      for (let r = 0; r < rows.length; r += ROWS_AT_ONCE) {
        const part = schema.safeParse(rows.slice(r, r + ROWS_AT_ONCE));
        if (part.success) continue;
        for (const i of part.error.issues) out.push({ ...i, path: at([field, r + Number(i.path[0]), ...i.path.slice(1)]) });
      }
    }
  });
  return out;
}

/** A WorkbookGrid body field that validates as above and documents itself as the WorkbookGrid component. */
export const CheckedGrid = z
  .custom<WorkbookGridType>(() => true)
  .superRefine((grid, ctx) => {
    for (const issue of gridIssues(grid)) ctx.addIssue(issue as never);
  })
  .openapi({ type: "object", allOf: [{ $ref: "#/components/schemas/WorkbookGrid" }] } as never);
