import type { WorkbookGrid } from "../../shared/grid/types.js";

/** What readFile posts to the reader worker: the file's bytes (transferred, not copied) and its name. */
export interface ReadRequest {
  bytes: Uint8Array;
  /** Names a CSV's sheet and words messages for WPS files; the format itself comes from the bytes. */
  fileName?: string;
}

/** A refusal as plain data: an Error's own fields do not survive postMessage. */
export interface ReadFailure {
  name: string;
  message: string;
  code?: string;
  messageZh?: string;
  messageEn?: string;
}

export type ReadReply = { ok: true; grid: WorkbookGrid } | { ok: false; error: ReadFailure };

/** Run the reader and wrap its result or refusal for postMessage. */
export function replyTo(read: (bytes: Uint8Array, options: { fileName?: string }) => WorkbookGrid, request: ReadRequest): ReadReply {
  try {
    return { ok: true, grid: read(request.bytes, request.fileName === undefined ? {} : { fileName: request.fileName }) };
  } catch (e) {
    const err = (e ?? {}) as Partial<ReadFailure>;
    const error: ReadFailure = { name: err.name ?? "Error", message: err.message ?? String(e) };
    if (typeof err.code === "string") error.code = err.code;
    if (typeof err.messageZh === "string") error.messageZh = err.messageZh;
    if (typeof err.messageEn === "string") error.messageEn = err.messageEn;
    return { ok: false, error };
  }
}

/** The reply as readFile's result: the grid, or an Error carrying the reader's fields (code, messageZh, messageEn). */
export function fromReply(reply: ReadReply): WorkbookGrid {
  if (reply.ok) return reply.grid;
  throw Object.assign(new Error(reply.error.message), reply.error);
}
