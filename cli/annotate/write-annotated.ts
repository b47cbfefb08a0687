import { randomBytes } from "node:crypto";
import { constants, unlinkSync } from "node:fs";
import { link, lstat, mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";

/**
 * Annotated copies never replace anything: not an input, not a file already in the output
 * folder (the user's own `a.annotated.xlsx`), not a symbolic link (nor what it points at),
 * not a copy written earlier in this run. Each is written to a temporary name in the same
 * folder, flushed to disk, then given its final name without replacing; a failed or
 * interrupted write leaves neither a half file nor a stray temporary one.
 */

const exists = (p: string) =>
  lstat(p).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code !== "ENOENT",
  );

/**
 * DIR/<name>.xlsx, or "<name>.annotated.xlsx" beside its input, or "<name> (2).xlsx" …: the
 * first name that is no input of this run, was not written in this run, and does not exist.
 */
export async function annotatedPath(dir: string, input: string, taken: Set<string>, inputs: ReadonlySet<string>): Promise<string> {
  const ext = extname(input) || ".xlsx";
  const stem = basename(input, ext);
  const first = join(dir, `${stem}${ext}`);
  const candidates = function* () {
    yield resolve(first) === resolve(input) ? join(dir, `${stem}.annotated${ext}`) : first;
    for (let i = 2; ; i++) yield join(dir, `${stem} (${i})${ext}`);
  };
  for (const candidate of candidates()) {
    const abs = resolve(candidate);
    if (taken.has(abs) || inputs.has(abs) || (await exists(abs))) continue;
    taken.add(abs);
    return candidate;
  }
  throw new Error("unreachable");
}

/** Does the output folder hold (at any depth) one of the inputs? */
export function holdsInputs(dir: string, inputs: readonly string[]): string | null {
  const root = resolve(dir);
  for (const input of inputs) {
    const rel = relative(root, resolve(input));
    if (rel && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep)) return input;
  }
  return null;
}

/** The temporary file being written, removed if the process is interrupted (Ctrl-C). */
const pending = new Set<string>();
let hooked = false;
function removePendingOnSignal() {
  if (hooked) return;
  hooked = true;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      for (const p of pending) {
        try {
          unlinkSync(p); // a signal handler cannot wait
        } catch {
          // already gone
        }
      }
      process.exit(sig === "SIGINT" ? 130 : 143);
    });
  }
}

/** Give `tmp` the name `final` unless something has that name: a hard link refuses to replace. */
async function claimName(tmp: string, final: string): Promise<void> {
  try {
    await link(tmp, final);
    await unlink(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw e;
    // File systems without hard links (FAT/exFAT USB drives): check, then rename.
    if (await exists(final)) throw Object.assign(new Error(`EEXIST: file already exists, '${final}'`), { code: "EEXIST" });
    await rename(tmp, final);
  }
}

export async function writeAnnotated(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  removePendingOnSignal();
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  pending.add(tmp);
  try {
    // O_EXCL | O_NOFOLLOW: a new file of our own, never through a link someone left there.
    const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await claimName(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
