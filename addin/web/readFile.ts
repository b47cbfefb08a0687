import type { WorkbookGrid } from "../../shared/grid/types.js";
import { fromReply, type ReadReply, type ReadRequest } from "./readerProtocol.js";

/**
 * Read a ledger file the user picked (.xlsx, .xls, WPS .et, .ods, .csv: whatever shared/reader reads). The reader (SheetJS + guards) runs in a module Web Worker
 * so the page stays responsive; the bytes are transferred, the grid comes back by structured
 * clone. Where a worker cannot start, the reader loads in the page as its own chunk instead.
 */
export async function readFile(file: File): Promise<WorkbookGrid> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (typeof Worker === "undefined") return readInPage(bytes, file.name);
  let worker: Worker;
  try {
    worker = new Worker(new URL("./reader.worker.ts", import.meta.url), { type: "module", name: "xlsx-reader" });
  } catch {
    return readInPage(bytes, file.name);
  }
  try {
    const reply = await new Promise<ReadReply | null>((resolve) => {
      worker.onmessage = (e: MessageEvent<ReadReply>) => resolve(e.data);
      // A script that fails to load or throws at the top reports an error event without a reply.
      worker.onerror = (e) => {
        e.preventDefault();
        resolve(null);
      };
      const request: ReadRequest = { bytes, fileName: file.name };
      worker.postMessage(request, [bytes.buffer]);
    });
    // The transfer emptied `bytes`: a worker that could not start reads the file again in the page.
    return reply ? fromReply(reply) : readInPage(new Uint8Array(await file.arrayBuffer()), file.name);
  } finally {
    worker.terminate();
  }
}

async function readInPage(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  const { readWorkbookFile } = await import("./reader.js");
  return readWorkbookFile(bytes, { fileName });
}
