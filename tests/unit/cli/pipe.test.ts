import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLANTED_LEDGERS } from "../../fixtures/planted-ledgers.js";
import { tempDir } from "./run-cli.js";
import { writeFileSync } from "node:fs";

const ROOT = new URL("../../../", import.meta.url).pathname;

describe("the CLI behind a pipe that closes early (`… | head`)", () => {
  it("stops quietly: no EPIPE crash on stderr", async () => {
    const dir = tempDir();
    // Enough findings that the report far outgrows a pipe's buffer.
    for (let copy = 0; copy < 20; copy++) for (const l of PLANTED_LEDGERS) writeFileSync(join(dir, `${copy}-${l.file}`), await l.build());
    const child = spawn(process.execPath, [join(ROOT, "bin/party-ledger.mjs"), "check", dir, "--as-of", "2025-12-31", "--format", "json"], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end as `head -c` would.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|Error:/);
    expect([0, 1]).toContain(code);
  }, 120_000);
});
