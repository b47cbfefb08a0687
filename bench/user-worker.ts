/**
 * `wrangler dev` answers on its port through a proxy of its own (a second workerd, which buffers
 * requests while the Worker reloads); the Worker itself listens on a port of its own choosing.
 * With LOAD_VIA=direct the load bench times the Worker there, as production has no such proxy: both
 * the bare route and the submissions, so the ratio compares like with like. Linux only (`ss`); null
 * elsewhere.
 */
import { execFileSync } from "node:child_process";

export async function userWorkerBase(groupPid: number | undefined, proxyPort: number): Promise<string | null> {
  if (!groupPid || process.platform !== "linux") return null;
  let listening: string[];
  let pids: string[];
  try {
    listening = execFileSync("ss", ["-ltnpH"], { encoding: "utf8" }).split("\n");
    pids = execFileSync("pgrep", ["-g", String(groupPid), "-x", "workerd"], { encoding: "utf8" }).trim().split("\n");
  } catch {
    return null;
  }
  for (const pid of pids) {
    for (const line of listening.filter((l) => l.includes(`pid=${pid},`))) {
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
      if (!port || port === proxyPort) continue;
      const base = `http://127.0.0.1:${port}`;
      // The Worker's own route answers 200; the inspector and the other internal sockets do not.
      const status = await fetch(`${base}/bare`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
      if (status === 200) return base;
    }
  }
  return null;
}
