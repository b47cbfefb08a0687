import type { WorkbookGrid } from "../../shared/grid/types.js";

/** Read an .xlsx the user picked. The reader (SheetJS) loads only in web mode, as its own chunk. */
export async function readFile(file: File): Promise<WorkbookGrid> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { readWorkbook } = await import("./reader.js");
  return readWorkbook(bytes);
}
