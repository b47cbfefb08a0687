/**
 * The file reader (every format shared/reader reads) off the main thread: web mode posts the picked file's bytes here and
 * gets the WorkbookGrid back, so the page keeps painting and answering clicks while
 * SheetJS parses. Only the read runs here; the check runs in the page, on the grid it keeps.
 */
import { readWorkbookFile } from "../../shared/reader/index.js";
import { replyTo, type ReadRequest, type ReadReply } from "./readerProtocol.js";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage(reply: ReadReply): void;
};

scope.onmessage = (e) => scope.postMessage(replyTo(readWorkbookFile, e.data));
