import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";

/**
 * DIR/<name>.xlsx, never the input itself (annotating into the input's own folder gets
 * "<name>.annotated.xlsx"), and never a name already written in this run.
 */
export function annotatedPath(dir: string, input: string, taken: Set<string>): string {
  const ext = extname(input) || ".xlsx";
  const stem = basename(input, ext);
  let candidate = join(dir, `${stem}${ext}`);
  if (resolve(candidate) === resolve(input)) candidate = join(dir, `${stem}.annotated${ext}`);
  for (let i = 2; taken.has(resolve(candidate)); i++) candidate = join(dir, `${stem} (${i})${ext}`);
  taken.add(resolve(candidate));
  return candidate;
}

export async function writeAnnotated(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(resolve(path, ".."), { recursive: true });
  await writeFile(path, bytes);
}
