import type { SheetGrid } from "../../shared/grid/types.js";

/** Put freshly read rows (a grid with its own origin) into the cached grid of the same sheet. */
export function patchRows(base: SheetGrid, rows: SheetGrid): SheetGrid {
  const origin = base.origin ?? { row: 0, col: 0 };
  const rOrigin = rows.origin ?? { row: 0, col: 0 };
  const values = base.values.slice();
  const formats = base.numberFormats ? base.numberFormats.slice() : undefined;
  const colShift = rOrigin.col - origin.col;
  rows.values.forEach((row, k) => {
    const i = rOrigin.row + k - origin.row;
    if (i < 0) return;
    while (values.length <= i) values.push([]);
    const merged = (values[i] ?? []).slice();
    row.forEach((v, j) => {
      if (j + colShift >= 0) merged[j + colShift] = v;
    });
    values[i] = merged;
    if (formats && rows.numberFormats?.[k]) {
      while (formats.length <= i) formats.push([]);
      const f = (formats[i] ?? []).slice();
      rows.numberFormats[k]!.forEach((v, j) => {
        if (j + colShift >= 0) f[j + colShift] = v;
      });
      formats[i] = f;
    }
  });
  return { ...base, values, ...(formats ? { numberFormats: formats } : {}) };
}
