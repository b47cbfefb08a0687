import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readPackageLayout } from "../xlsx/package-parts.js";
import { isEmptyStash, restoreValidations, stashValidations, type StashedValidations } from "./stash-validations.js";

type Parts = Record<string, Uint8Array>;

function sheetPaths(parts: Parts): Map<string, string> {
  return readPackageLayout(new Map(Object.entries(parts))).sheetParts;
}

/**
 * Takes the data validations out of every sheet of an xlsx (already vetted by
 * readWorkbook, so plain unzipping is safe) and returns the lighter package plus what
 * was taken, by sheet name.
 */
export function liftValidations(xlsx: Uint8Array): { xlsx: Uint8Array; stashes: Map<string, StashedValidations> } {
  const parts = unzipSync(xlsx);
  const stashes = new Map<string, StashedValidations>();
  for (const [sheet, path] of sheetPaths(parts)) {
    const data = parts[path];
    if (!data) continue;
    const { xml, stash } = stashValidations(strFromU8(data));
    if (isEmptyStash(stash)) continue;
    stashes.set(sheet, stash);
    parts[path] = strToU8(xml);
  }
  if (stashes.size === 0) return { xlsx, stashes };
  return { xlsx: zipSync(parts, { level: 6 }), stashes };
}

/** Puts the stashed validations back into the sheets of the package ExcelJS wrote. */
export function returnValidations(xlsx: Uint8Array, stashes: Map<string, StashedValidations>): Uint8Array {
  if (stashes.size === 0) return xlsx;
  const parts = unzipSync(xlsx);
  for (const [sheet, path] of sheetPaths(parts)) {
    const stash = stashes.get(sheet);
    const data = parts[path];
    if (stash && data) parts[path] = strToU8(restoreValidations(strFromU8(data), stash));
  }
  return zipSync(parts, { level: 6 });
}
