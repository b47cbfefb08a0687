import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

/**
 * LibreOffice as an independent spreadsheet engine: write an xlsx whose formula cells carry a
 * wrong cached value, let soffice recalculate and save it, read the results back. The
 * private profile forces "always recalculate on load" (the default is "never" for xlsx,
 * which would silently hand back the cached values).
 */
export const LIBREOFFICE_APT_PACKAGE = "libreoffice-calc-nogui";

/** SOFFICE=/path/to/soffice picks one; SOFFICE=none skips the cross-check on purpose. */
export function findSoffice(): string | null {
  const chosen = process.env.SOFFICE;
  if (chosen === "none") return null;
  if (chosen) return existsSync(chosen) ? chosen : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  return null;
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export async function recalcWithLibreOffice(soffice: string, xlsx: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "dj-lo-"));
  try {
    await mkdir(join(dir, "profile/user"), { recursive: true });
    await writeFile(join(dir, "profile/user/registrymodifications.xcu"), PROFILE);
    await writeFile(join(dir, "book.xlsx"), xlsx);
    await promisify(execFile)(
      soffice,
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "book.xlsx")],
      { timeout: 120_000 },
    );
    return new Uint8Array(await readFile(join(dir, "out/book.xlsx")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
