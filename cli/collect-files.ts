import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface CollectedFiles {
  files: string[];
  /** Inputs that do not exist. */
  missing: string[];
  /** Folders that held no .xlsx file. */
  emptyFolders: string[];
  sawFolder: boolean;
}

// Excel's "~$name.xlsx" owner files sit beside open workbooks and are not workbooks.
const isWorkbookName = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$");

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules") await walk(p, into);
    else if (e.isFile() && isWorkbookName(e.name)) into.push(p);
  }
}

/** Files as given (whatever their extension), folders expanded to the .xlsx files inside. */
export async function collectFiles(inputs: readonly string[]): Promise<CollectedFiles> {
  const out: CollectedFiles = { files: [], missing: [], emptyFolders: [], sawFolder: false };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) out.missing.push(input);
    else if (info.isDirectory()) {
      out.sawFolder = true;
      const found: string[] = [];
      await walk(input, found);
      if (found.length === 0) out.emptyFolders.push(input);
      out.files.push(...found);
    } else out.files.push(input);
  }
  out.files = [...new Set(out.files)];
  return out;
}
