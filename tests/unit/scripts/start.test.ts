import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url).pathname;

describe("npm start", () => {
  it("a second start while the port is taken says so, in Chinese and English, and starts nothing", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    try {
      const r = spawnSync(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, encoding: "utf8", timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`端口 ${port} 已被占用`);
      expect(r.stderr).toContain(`Port ${port} is in use`);
      expect(r.stdout).not.toContain("wrangler dev");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
