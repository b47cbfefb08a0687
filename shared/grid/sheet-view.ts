import type { CellRange, CellValue, SheetGrid } from "./types.js";

/**
 * Read access to a sheet in sheet coordinates (0-based), hiding the grid's origin
 * offset and ragged rows. Cells covered by a merge read as the merge's top-left value
 * when asked through `merged()`, which is how a clerk sees them.
 */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly r0: number;
  private readonly c0: number;
  private readonly mergeOwner = new Map<number, CellRange>();
  private readonly mergeStart = new Map<number, CellRange>();
  private readonly hiddenRowSet: ReadonlySet<number>;

  constructor(readonly grid: SheetGrid) {
    this.r0 = grid.origin?.row ?? 0;
    this.c0 = grid.origin?.col ?? 0;
    let width = 0;
    for (const row of grid.values) if (row && row.length > width) width = row.length;
    this.rowCount = this.r0 + grid.values.length;
    this.colCount = this.c0 + width;
    this.hiddenRowSet = new Set(grid.hiddenRows ?? []);
    for (const m of grid.merges ?? []) {
      this.mergeStart.set(m.r0 * 16_384 + m.c0, m);
      // Index only the covered cells that fall inside the grid; a merge never allocates beyond it.
      const r1 = Math.min(m.r1, this.rowCount - 1);
      const c1 = Math.min(m.c1, this.colCount - 1);
      for (let r = m.r0; r <= r1; r++) for (let c = m.c0; c <= c1; c++) if (r !== m.r0 || c !== m.c0) this.mergeOwner.set(r * 16_384 + c, m);
    }
  }

  get name(): string {
    return this.grid.name;
  }

  get firstRow(): number {
    return this.r0;
  }

  get firstCol(): number {
    return this.c0;
  }

  value(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.r0];
    if (!r) return null;
    const v = r[col - this.c0];
    return v === undefined ? null : v;
  }

  format(row: number, col: number): string | null {
    return this.grid.numberFormats?.[row - this.r0]?.[col - this.c0] ?? null;
  }

  /** The merge that covers (row, col) without starting there, if any. */
  coveringMerge(row: number, col: number): CellRange | undefined {
    return this.mergeOwner.get(row * 16_384 + col);
  }

  /** The merge whose top-left cell is (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeStart.get(row * 16_384 + col);
  }

  /** The value as displayed: a cell hidden under a merge shows its top-left value. */
  merged(row: number, col: number): CellValue {
    if (this.mergeOwner.size === 0) return this.value(row, col);
    const m = this.coveringMerge(row, col);
    return m ? this.value(m.r0, m.c0) : this.value(row, col);
  }

  /** Whether the clerk hid the row (the file says so; a host that cannot tell says no row is hidden). */
  rowHidden(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }

  rowValues(row: number): CellValue[] {
    return this.grid.values[row - this.r0] ?? [];
  }
}
