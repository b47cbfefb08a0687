import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "vitest";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { inferTemplate } from "../../../shared/template/infer/infer-template.js";
import { MORE_SAMPLES_DIR, SAMPLES_DIR } from "../../fixtures/samples-dir.js";
it("dbg", () => {
  for (const dir of [SAMPLES_DIR, MORE_SAMPLES_DIR]) for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx"))) {
    const wb = readWorkbook(new Uint8Array(readFileSync(join(dir, f))));
    const s = wb.sheets.find((x) => !x.hidden)!;
    try {
      const r = inferTemplate(s, { fileName: f });
      console.log(`${f} → ${r.template.id} ${r.template.kind} "${r.template.title}" rows ${r.headerRows.first}-${r.headerRows.last} rules=${r.template.rules.map((x) => x.rule).join(",")}`);
      console.log("   " + r.columns.map((c) => `${c.column}:${c.header}=${c.field}:${c.type}${c.required.length ? "!" : ""}${c.allowed ? "[" + c.allowed + "]" : ""}${c.known ? "<" + c.known + ">" : ""}`).join(" "));
    } catch (e) { console.log(`${f} FAIL ${(e as Error).message}`); }
  }
});
