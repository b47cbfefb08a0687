import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { runCli, tempDir, writeRosterWithErrors } from "./run-cli.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
/** Every file under a folder (temporary ones included), relative, sorted. */
const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
const isAnnotated = (p: string) => readWorkbook(new Uint8Array(readFileSync(p))).sheets.some((s) => s.name === "检查结果");

describe("--annotate never replaces a file", { timeout: 180_000 }, () => {
  it("an output folder that holds the inputs is refused (exit 2, nothing written) unless asked", async () => {
    const dir = tempDir();
    await writeRosterWithErrors(join(dir, "x.xlsx"));
    const before = listing(dir);
    const r = runCli(["check", dir, "--annotate", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--annotate-in-input-folder");
    expect(listing(dir)).toEqual(before);
  });

  it("with --annotate-in-input-folder: sub/x.xlsx's copy does not land on x.xlsx, and the user's own a.annotated.xlsx is kept", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub"));
    await writeRosterWithErrors(join(dir, "x.xlsx"));
    await writeRosterWithErrors(join(dir, "sub", "x.xlsx"));
    await writeRosterWithErrors(join(dir, "a.xlsx"));
    await writeRosterWithErrors(join(dir, "a.annotated.xlsx")); // the user's own file of that name
    const hashes = Object.fromEntries(["x.xlsx", "sub/x.xlsx", "a.xlsx", "a.annotated.xlsx"].map((f) => [f, sha(join(dir, f))]));
    const r = runCli(["check", dir, "--annotate", dir, "--annotate-in-input-folder"]);
    expect(r.code, r.stderr).toBe(1);
    for (const [f, h] of Object.entries(hashes)) expect(sha(join(dir, f)), f).toBe(h);
    // Checked in this order: a.annotated, a, sub/x, x. Each copy takes the first name that is no input and no file:
    // a.annotated → a.annotated.annotated; a → (a.annotated exists) a (2); sub/x → (x.xlsx is an input) x (2); x → x.annotated.
    const copies = ["a (2).xlsx", "a.annotated.annotated.xlsx", "x (2).xlsx", "x.annotated.xlsx"];
    expect(listing(dir)).toEqual([...copies, "a.annotated.xlsx", "a.xlsx", "sub/x.xlsx", "x.xlsx"].sort());
    for (const f of copies) expect(isAnnotated(join(dir, f)), f).toBe(true);
  });

  it("a symbolic link in the output folder is neither followed nor replaced", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    mkdirSync(out);
    await writeRosterWithErrors(join(dir, "花名册.xlsx"));
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "must stay");
    symlinkSync(victim, join(out, "花名册.xlsx"));
    const r = runCli(["check", join(dir, "花名册.xlsx"), "--annotate", out]);
    expect(r.code, r.stderr).toBe(1);
    expect(readFileSync(victim, "utf8")).toBe("must stay");
    expect(listing(out)).toEqual(["花名册 (2).xlsx", "花名册.xlsx"]);
    expect(isAnnotated(join(out, "花名册 (2).xlsx"))).toBe(true);
  });

  it("a write that fails (the file-size limit standing in for a full disk) is exit 2 with its reason, and leaves no half file", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    mkdirSync(out);
    const input = join(dir, "花名册.xlsx");
    await writeRosterWithErrors(input);
    copyFileSync(input, join(dir, "copy-for-hash.xlsx"));
    expect(runCli(["--version"]).code).toBe(0); // builds the CLI bundle now, not under the size limit
    // ulimit -f 4: writes past 4 KiB fail with EFBIG; SIGXFSZ ignored so the write returns the error.
    const r = spawnSync("bash", ["-c", `trap '' XFSZ; ulimit -f 4; exec "${process.execPath}" bin/party-ledger.mjs check "${input}" --annotate "${out}"`], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain("无法为");
    expect(r.stderr).toMatch(/EFBIG|too large/i);
    expect(listing(out)).toEqual([]);
    expect(sha(input)).toBe(sha(join(dir, "copy-for-hash.xlsx")));
  });
});
