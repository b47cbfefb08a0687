import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { read, write } from "@e965/xlsx";
import react from "@vitejs/plugin-react";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { ExcelHost } from "../addin/excel/host.js";
import { FULL_SUPPORT } from "../addin/excel/requirements.js";
import { buildFunctions } from "../addin/functions/build.js";
import type { Mark } from "../addin/host/types.js";
import { launch, newPage } from "../tests/e2e/browser.js";
import { bigRoster } from "../tests/e2e/fixtures.js";
import { serveStatic } from "../tests/e2e/static-server.js";
import { FakeContext, FakeSheet, fakeRun } from "../tests/unit/addin/fake-excel.js";
import { gzSize, gzTotal, initialScripts } from "./initial-js.js";
import { median } from "./measure.js";

/**
 * The task pane, each figure beside a peer measured in the same run:
 * (a) initial JavaScript, gzipped, against bare React + Fluent UI v9 apps built the same way;
 * (b) a 50,000-row ledger opened in web mode to findings shown (Debian chromium), against
 *     the same file read alone by SheetJS in a page built the same way, in the same browser;
 * (c) context.sync calls of the Excel adapter (recording fake) against naive adapters.
 */
const ROOT = new URL("..", import.meta.url).pathname;
const OUT = join(ROOT, "bench", "out", "pane");
/** Open → findings is timed at these sizes; the longest main-thread task is bounded at the first (≤ 100 ms). */
const ROW_COUNTS = [20_000, 100_000];
const RUNS = 3;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = gzSize;
const sum = gzTotal;

async function viteBuild(root: string, outDir: string, input: Record<string, string>): Promise<void> {
  await build({
    configFile: false,
    root,
    base: "./",
    logLevel: "silent",
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: "es2022", sourcemap: false, rollupOptions: { input } },
  });
}

/** The Fluent components the pane imports, found in its source (so the peer tracks the pane). */
function fluentImports(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name))
        for (const m of readFileSync(p, "utf8").matchAll(/import \{([^}]*)\} from "@fluentui\/react-components"/g))
          for (const n of m[1]!.split(",")) if (n.trim() && !n.includes("type ")) names.add(n.trim());
    }
  };
  walk(join(ROOT, "addin"));
  return [...names].sort();
}

/** Three peer pages: a bare Fluent "hello", the same plus every Fluent export the pane uses, and SheetJS reading a picked file. */
async function buildPeers(): Promise<{ hello: string; sameFluent: string; sheetjs: string; fluentCount: number }> {
  const src = join(OUT, "peers-src");
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const page = (title: string, script: string, body = "") =>
    `<!doctype html><html><head><meta charset="UTF-8" /><title>${title}</title></head><body><div id="root"></div>${body}<script type="module" src="./${script}"></script></body></html>`;
  const hello = `import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
createRoot(document.getElementById("root")).render(<FluentProvider theme={webLightTheme}><Button appearance="primary">Hello</Button></FluentProvider>);
`;
  const used = fluentImports();
  const same = `import * as F from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
// Keep every Fluent export the pane imports, as the pane does.
const used = [${used.map((n) => `F.${n}`).join(", ")}];
createRoot(document.getElementById("root")).render(<F.FluentProvider theme={F.webLightTheme}><F.Button appearance="primary">Hello {used.length}</F.Button></F.FluentProvider>);
`;
  const sheetjs = `import { read, utils } from "@e965/xlsx";
const input = document.getElementById("f");
const out = document.getElementById("n");
input.addEventListener("change", async () => {
  const bytes = new Uint8Array(await input.files[0].arrayBuffer());
  const wb = read(bytes, { type: "array", dense: true });
  const rows = utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: null });
  out.textContent = String(rows.length);
  out.dataset.rows = String(rows.length);
});
`;
  writeFileSync(join(src, "hello.jsx"), hello);
  writeFileSync(join(src, "hello.html"), page("hello", "hello.jsx"));
  writeFileSync(join(src, "same.jsx"), same);
  writeFileSync(join(src, "same.html"), page("same Fluent", "same.jsx"));
  writeFileSync(join(src, "sheetjs.js"), sheetjs);
  writeFileSync(join(src, "sheetjs.html"), page("SheetJS alone", "sheetjs.js", `<input type="file" id="f" /><output id="n"></output>`));
  const out = { hello: join(OUT, "hello"), sameFluent: join(OUT, "same-fluent"), sheetjs: join(OUT, "sheetjs") };
  await viteBuild(src, out.hello, { hello: join(src, "hello.html") });
  await viteBuild(src, out.sameFluent, { same: join(src, "same.html") });
  await viteBuild(src, out.sheetjs, { sheetjs: join(src, "sheetjs.html") });
  return { ...out, fluentCount: used.length };
}

/** The pane as shipped (addin/vite.config.ts), plus the custom-functions bundle taskpane.html loads, into a temp folder. */
async function buildPane(): Promise<string> {
  const outDir = join(OUT, "pane");
  await build({
    configFile: join(ROOT, "addin", "vite.config.ts"),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  await buildFunctions(outDir);
  return outDir;
}

interface Manifest {
  [key: string]: { file: string; imports?: string[]; dynamicImports?: string[] };
}

/** A manifest entry's file and its static imports, as paths. */
function withImports(dir: string, manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  const e = manifest[key];
  if (!e || seen.has(key)) return [];
  seen.add(key);
  return [join(dir, e.file), ...(e.imports ?? []).flatMap((k) => withImports(dir, manifest, k, seen))];
}

async function sizes(pane: string, peers: Awaited<ReturnType<typeof buildPeers>>): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(join(pane, ".vite", "manifest.json"), "utf8")) as Manifest;
  const excel = initialScripts(pane, "taskpane.html");
  const webHtml = initialScripts(pane, "index.html");
  // Web mode imports WebShell as soon as it starts: count it (and what it pulls in) as initial too.
  const shell = withImports(pane, manifest, "web/WebShell.tsx").filter((f) => !webHtml.includes(f));
  const web = [...webHtml, ...shell];
  const functions = excel.filter((f) => f.endsWith("functions.js"));
  const assets = readdirSync(join(pane, "assets")).filter((f) => f.endsWith(".js"));
  const lazy = assets.map((f) => join(pane, "assets", f)).filter((f) => !excel.includes(f) && !web.includes(f));
  const hello = sum(initialScripts(peers.hello, "hello.html"));
  const same = sum(initialScripts(peers.sameFluent, "same.html"));
  const sExcel = sum(excel);
  const sWeb = sum(web);
  return [
    `(a) initial JavaScript, gzip (zlib level 6), each build by vite 8 with @vitejs/plugin-react, target es2022, in this run`,
    `    task pane in Excel (taskpane.html: module entry + preloads + functions.js ${kb(sum(functions))}; office.js from the CDN not counted): ${kb(sExcel)} (target ≤ 300 KB)`,
    `    task pane in web mode (index.html + the WebShell chunk it imports at start): ${kb(sWeb)}`,
    `    peer: bare React 19 + Fluent UI v9 "hello" (FluentProvider + Button): ${kb(hello)}`,
    `    ratio Excel pane / bare Fluent: ${(sExcel / hello).toFixed(2)}×; web mode / bare Fluent: ${(sWeb / hello).toFixed(2)}×`,
    `    second peer: "hello" plus the ${peers.fluentCount} Fluent exports the pane imports: ${kb(same)} (Excel pane / it: ${(sExcel / same).toFixed(2)}×)`,
    `    not loaded at start (ledger.worker reads and checks; engine and reader in the page only where a worker cannot start): ${lazy.map((f) => `${f.split("/").pop()!.replace(/-[\w-]{8}\.js$/, ".js")} ${kb(gz(f))}`).join(", ")}`,
  ];
}

/**
 * Longest main-thread task since the page loaded, two ways: the longtask observer, and a heartbeat
 * (a timer every 5 ms; the longest gap between two beats, less the 5 ms, is the longest time the
 * thread could not answer). Work started from the harness's own events is not always attributed to
 * a long task by chromium; the heartbeat sees every stall.
 */
const LONGTASK_PROBE = () => {
  const w = window as unknown as { __longest: number; __gap: number; __beat: number };
  w.__longest = 0;
  w.__gap = 0;
  w.__beat = performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  setInterval(() => {
    const now = performance.now();
    w.__gap = Math.max(w.__gap, now - w.__beat - 5);
    w.__beat = now;
  }, 5);
};

async function fresh(browser: Browser, url: string, ready: string): Promise<Page> {
  const page = await newPage(browser);
  await page.addInitScript(LONGTASK_PROBE);
  await page.goto(url);
  await page.waitForSelector(ready);
  // Start the clock on a quiet page: reset the longest task after load.
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __gap: number; __beat: number };
    w.__longest = 0;
    w.__gap = 0;
    w.__beat = performance.now();
  });
  return page;
}

/** The longest task so far (observer, heartbeat); long-task entries reach the observer a little after their task ends: wait for them. */
const longest = async (page: Page) => {
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __longest: number; __gap: number };
    return Math.max(w.__longest, w.__gap);
  });
};

async function timePane(browser: Browser, url: string, file: string, rows: number): Promise<{ open: number; check: number; total: number; longTask: number; summary: string }> {
  const page = await fresh(browser, `${url}/index.html`, '[data-testid="file-input"]');
  const name = `花名册-${rows}.xlsx`;
  const t0 = performance.now();
  // A path, not a buffer: Playwright then hands chromium the file itself; a buffer would be decoded
  // from base64 by a script in the page, a long task of the harness's own, in both pages.
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
  await page.getByTestId("recognised-kind").waitFor();
  await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
  const t1 = performance.now();
  await page.getByTestId("check").click();
  await page.waitForSelector('[data-testid="check-panel"][data-marked="yes"][data-busy="no"]');
  const summary = (await page.getByTestId("summary").textContent()) ?? "";
  const t2 = performance.now();
  const longTask = await longest(page);
  await page.context().close();
  return { open: t1 - t0, check: t2 - t1, total: t2 - t0, longTask, summary };
}

async function timeSheetJs(browser: Browser, url: string, file: string): Promise<{ total: number; longTask: number; rows: string }> {
  const page = await fresh(browser, `${url}/sheetjs.html`, "#f");
  const t0 = performance.now();
  await page.locator("#f").setInputFiles(file);
  await page.waitForSelector("#n[data-rows]");
  const total = performance.now() - t0;
  const rows = (await page.locator("#n").textContent()) ?? "";
  const longTask = await longest(page);
  await page.context().close();
  return { total, longTask, rows };
}

async function browserTimes(pane: string, sheetjs: string, ROWS: number): Promise<string[]> {
  // The e2e fixture, saved compressed as Excel saves it.
  const bytes = write(read(bigRoster(ROWS)), { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
  const file = join(OUT, `花名册-${ROWS}.xlsx`);
  writeFileSync(file, bytes);
  const sites: { url: string; close(): Promise<void> }[] = [];
  let browser: Browser | undefined;
  try {
    const paneSite = await serveStatic(pane);
    sites.push(paneSite);
    const peerSite = await serveStatic(sheetjs);
    sites.push(peerSite);
    browser = await launch();
    // One warm-up of each (compile caches, fonts), then alternate.
    await timePane(browser, paneSite.url, file, ROWS);
    await timeSheetJs(browser, peerSite.url, file);
    const ours: Awaited<ReturnType<typeof timePane>>[] = [];
    const peer: Awaited<ReturnType<typeof timeSheetJs>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await timePane(browser, paneSite.url, file, ROWS));
      peer.push(await timeSheetJs(browser, peerSite.url, file));
    }
    const m = (xs: number[]) => median(xs);
    const total = m(ours.map((r) => r.total));
    const alone = m(peer.map((r) => r.total));
    return [
      `(b) ${ROWS.toLocaleString("en")}-row roster (${kb(bytes.length)} xlsx) in web mode, Debian chromium (playwright-core, --no-sandbox --disable-background-networking --disable-gpu), median of ${RUNS} fresh pages after a warm-up`,
      `    pane: pick the file → recognised ${m(ours.map((r) => r.open)).toFixed(0)} ms, click 检查 → marks + findings shown ${m(ours.map((r) => r.check)).toFixed(0)} ms, total ${total.toFixed(0)} ms ("${ours[0]!.summary}")`,
      `    peer: the same file picked in a page that only reads it with SheetJS CE (read dense + sheet_to_json, ${peer[0]!.rows} rows), same browser, same harness: ${alone.toFixed(0)} ms`,
      `    ratio pane (open → findings) / SheetJS read alone: ${(total / alone).toFixed(2)}×`,
      `    longest main-thread task from picking the file to findings shown (longtask observer and a 5 ms heartbeat, the larger): pane ${m(ours.map((r) => r.longTask)).toFixed(0)} ms${ROWS === ROW_COUNTS[0] ? " (bound ≤ 100 ms)" : ""}, peer (reads on the main thread) ${m(peer.map((r) => r.longTask)).toFixed(0)} ms`,
    ];
  } finally {
    await browser?.close().catch(() => {});
    for (const s of sites) await s.close().catch(() => {});
  }
}

const COLS = 15;

function fakeLedger(rows: number): FakeSheet {
  const header = Array.from({ length: COLS }, (_, j) => `列${j + 1}`);
  const body = Array.from({ length: rows - 1 }, (_, i) => Array.from({ length: COLS }, (_, j) => (j === 0 ? `党员${i}` : i * COLS + j)));
  return FakeSheet.withRows("花名册", [header, ...body]);
}

/** A mark on every 50th row (column D, error) and every 70th (column G, warning). */
function someMarks(rows: number): Mark[] {
  const marks: Mark[] = [];
  for (let r = 2; r <= rows; r++) {
    if (r % 50 === 0) marks.push({ cell: `D${r}`, severity: "error" });
    if (r % 70 === 0) marks.push({ cell: `G${r}`, severity: "warning" });
  }
  return marks;
}

async function syncCounts(): Promise<string[]> {
  const noYield = async () => {};
  const lines = [`(c) context.sync calls of the Excel adapter (ExcelHost over the recording fake, ${COLS} columns)`];
  for (const rows of [20_000, 200_000]) {
    const sheet = fakeLedger(rows);
    const ours = new FakeContext([sheet]);
    await new ExcelHost(fakeRun(ours), FULL_SUPPORT, { yieldBetweenChunks: noYield }).readActiveSheet();
    // Naive peer, measured: the same adapter reading one row per sync.
    const naive = new FakeContext([sheet]);
    await new ExcelHost(fakeRun(naive), FULL_SUPPORT, { cellsPerChunk: COLS, yieldBetweenChunks: noYield }).readActiveSheet();
    const perCell = 1 + rows * COLS;
    const marks = someMarks(rows);
    const marking = new FakeContext([sheet]);
    await new ExcelHost(fakeRun(marking), FULL_SUPPORT, { yieldBetweenChunks: noYield }).mark("花名册", marks);
    lines.push(
      `    ${rows.toLocaleString("en")} rows read: ${ours.syncs} syncs (largest ${Math.max(...ours.cellsPerSync).toLocaleString("en")} cells); naive one row per sync (measured): ${naive.syncs.toLocaleString("en")} → ${(naive.syncs / ours.syncs).toFixed(0)}× more; naive one cell per sync (computed 1 + rows × ${COLS}): ${perCell.toLocaleString("en")} → ${(perCell / ours.syncs).toFixed(0)}× more`,
      `    ${rows.toLocaleString("en")} rows, ${marks.length.toLocaleString("en")} marked cells: ${marking.syncs} syncs (clear + add); naive one rule per cell, one sync each (computed 1 + cells): ${(1 + marks.length).toLocaleString("en")} → ${((1 + marks.length) / marking.syncs).toFixed(0)}× more`,
    );
  }
  return lines;
}

/** `npm run bench -- pane`: bounded (about a minute), cleans up its browser and servers. */
export async function benchPane(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  const [pane, peers] = [await buildPane(), await buildPeers()];
  const lines = await sizes(pane, peers);
  for (const rows of ROW_COUNTS) lines.push(...(await browserTimes(pane, peers.sheetjs, rows)));
  lines.push(...(await syncCounts()));
  return lines;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const t0 = performance.now();
  for (const line of await benchPane()) console.log(line);
  console.log(`    (bench/pane.ts took ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
