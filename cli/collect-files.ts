import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { skipReasonFor, type SkipReason } from "../shared/reader/file-kinds.js";
import { appendAll } from "../shared/util/append-all.js";

/** A file or folder a walk saw and did not check, and why: listed in the summary, never dropped silently. */
export interface SkippedFile {
  file: string;
  reason: SkipReason | "hidden-folder";
}

export interface CollectedFiles {
  files: string[];
  skipped: SkippedFile[];
  /** Inputs that do not exist. */
  missing: string[];
  /** Folders that held no file the reader reads. */
  emptyFolders: string[];
  sawFolder: boolean;
}

async function walk(dir: string, into: string[], skipped: SkippedFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith(".") || e.name === "node_modules") skipped.push({ file: p, reason: "hidden-folder" });
      else await walk(p, into, skipped);
    } else if (e.isFile()) {
      const reason = skipReasonFor(e.name);
      if (reason) skipped.push({ file: p, reason });
      else into.push(p);
    }
  }
}

/** Files as given (whatever their extension; the reader goes by content), folders expanded to every file the reader reads. */
export async function collectFiles(inputs: readonly string[]): Promise<CollectedFiles> {
  const out: CollectedFiles = { files: [], skipped: [], missing: [], emptyFolders: [], sawFolder: false };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) out.missing.push(input);
    else if (info.isDirectory()) {
      out.sawFolder = true;
      const found: string[] = [];
      await walk(input, found, out.skipped);
      if (found.length === 0) out.emptyFolders.push(input);
      appendAll(out.files, found);
    } else out.files.push(input);
  }
  out.files = [...new Set(out.files)];
  return out;
}
