import type { CellValue, SheetGrid } from "../../shared/grid/types.js";
import { DEFAULT_CELLS_PER_CHUNK, isPayloadError, rowsPerChunk } from "./chunks.js";
import { parseAreas, toCell, toFormat } from "./convert.js";
import { HiddenLinesReader } from "./hidden.js";
import type { ExcelSupport } from "./requirements.js";
import { ListValidationReader } from "./validations.js";

export interface ReadOptions {
  cellsPerChunk?: number;
  /** Called between blocks so a long read never blocks the host for 5 s. */
  yieldBetweenChunks?: () => Promise<void>;
}

interface Block {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

const defaultYield = () => new Promise<void>((r) => setTimeout(r, 0));

/** Extra loads that ride along with the first chunk's sync. */
interface Rider {
  queue(): void;
  /** The sync carrying them failed (and halving the chunk cannot help): retry without this one. */
  abandon(): void;
}

/**
 * Read a block of rows in as few syncs as possible: one sync per chunk of at most
 * cellsPerChunk cells; a chunk refused as too large is halved and retried.
 * The first chunk also loads the merged areas (ExcelApi 1.13) and the riders' loads; a sync
 * that fails with riders on it is retried without the last of them, one at a time, or without
 * all of them when it is too large even at one row.
 */
async function readBlock(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  block: Block,
  support: ExcelSupport,
  opts: ReadOptions,
  riders: Rider[] = [],
): Promise<Pick<SheetGrid, "values" | "numberFormats" | "merges">> {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  let merges: SheetGrid["merges"] = undefined;
  const fullStep = rowsPerChunk(block.columnCount, opts.cellsPerChunk ?? DEFAULT_CELLS_PER_CHUNK);
  let step = fullStep;
  let done = 0;
  while (done < block.rowCount) {
    const count = Math.min(step, block.rowCount - done);
    const range = ws.getRangeByIndexes(block.rowIndex + done, block.columnIndex, count, block.columnCount);
    range.load("values,numberFormat");
    // Merged areas of the whole block ride along with the first chunk's sync.
    const mergedAreas: Excel.RangeAreas | null =
      merges === undefined && support.mergedAreas
        ? ws.getRangeByIndexes(block.rowIndex, block.columnIndex, block.rowCount, block.columnCount).getMergedAreasOrNullObject()
        : null;
    mergedAreas?.load("address");
    const riding = done === 0 ? riders : [];
    for (const r of riding) r.queue();
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && count > 1) {
        step = Math.max(1, Math.floor(count / 2));
        continue;
      }
      if (riding.length && isPayloadError(e)) {
        // Too large even at one row: the riders are, so they go, and the values go back to full chunks.
        for (const r of riding) r.abandon();
        riders = [];
        step = fullStep;
        continue;
      }
      if (riding.length) {
        riding[riding.length - 1]!.abandon();
        riders = riding.slice(0, -1);
        continue;
      }
      throw e;
    }
    if (riding.length) riders = [];
    for (let i = 0; i < count; i++) {
      values.push((range.values[i] ?? []).map(toCell));
      numberFormats.push((range.numberFormat[i] ?? []).map(toFormat));
    }
    if (mergedAreas) merges = mergedAreas.isNullObject ? [] : parseAreas(mergedAreas.address);
    done += count;
    if (done < block.rowCount) await (opts.yieldBetweenChunks ?? defaultYield)();
  }
  return { values, numberFormats, merges };
}

async function usedBlock(ctx: Excel.RequestContext, ws: Excel.Worksheet): Promise<Block | null> {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  ws.load("name");
  await ctx.sync();
  if (used.isNullObject) return null;
  return { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
}

/**
 * The used range of a sheet as the engine's grid: 1 sync for its extent, then 1 per chunk.
 * The hidden rows and columns and the drop-down lists (ExcelApi 1.8) ride with the first chunk;
 * lists read from a range add 1 sync.
 */
export async function readSheet(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  support: ExcelSupport,
  opts: ReadOptions = {},
): Promise<SheetGrid> {
  const block = await usedBlock(ctx, ws);
  if (!block) return { name: ws.name, values: [], origin: { row: 0, col: 0 } };
  const hidden = new HiddenLinesReader(ws, block, support);
  const lists = support.dataValidation && block.rowCount > 1 ? new ListValidationReader(ctx, ws, block) : null;
  // Lists last: a host that refuses them (seen) is retried without them first.
  const read = await readBlock(ctx, ws, block, support, opts, lists ? [hidden, lists] : [hidden]);
  const validations = lists ? await lists.finish(ws.name) : [];
  return {
    name: ws.name,
    origin: { row: block.rowIndex, col: block.columnIndex },
    values: read.values,
    numberFormats: read.numberFormats,
    ...(read.merges ? { merges: read.merges } : {}),
    ...(validations.length ? { validations } : {}),
    ...hidden.result(),
  };
}

/** Rows first..last (1-based) across the used columns: 1 sync for the extent, 1 per chunk. */
export async function readSheetRows(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  first: number,
  last: number,
  support: ExcelSupport,
  opts: ReadOptions = {},
): Promise<SheetGrid> {
  const used = await usedBlock(ctx, ws);
  const columnIndex = used?.columnIndex ?? 0;
  const columnCount = used?.columnCount ?? 1;
  const block = { rowIndex: first - 1, columnIndex, rowCount: Math.max(1, last - first + 1), columnCount };
  const read = await readBlock(ctx, ws, block, { ...support, mergedAreas: false }, opts);
  return { name: ws.name, origin: { row: block.rowIndex, col: columnIndex }, values: read.values, numberFormats: read.numberFormats };
}
