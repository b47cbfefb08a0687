import type { Bindings } from "../env.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import { readWorkbookFile } from "../../shared/reader/index.js";
import type { SubmissionRow } from "../ledger/rows.js";
import { readSubmissionBody } from "./submission-blobs.js";

/**
 * The grid of a stored submission. A grid sent as JSON is kept as the request body that brought
 * it (`{ grid, asOf?, fileName? }`); an uploaded file is kept as the file alone, and its grid is
 * read from it again (the same reader, so the same grid) rather than stored a second time.
 */
export async function readStoredGrid(env: Pick<Bindings, "BLOBS" | "LEDGER">, row: SubmissionRow): Promise<WorkbookGrid> {
  const bytes = await readSubmissionBody(env, row, "content");
  if (row.source === "xlsx" && row.file_sha256) {
    // read with the reader's own caps: the file was accepted under the submission's caps of its day
    return readWorkbookFile(bytes, row.file_name ? { fileName: row.file_name } : {});
  }
  const body = JSON.parse(new TextDecoder().decode(bytes)) as { grid?: WorkbookGrid } & Partial<WorkbookGrid>;
  return body.grid ?? (body as WorkbookGrid);
}
