import { checkSheet } from "./shared/index.ts";
import { duesSheet } from "./bench/dues-ledger.ts";
const s = duesSheet(100000);
checkSheet(s, { asOf: "2025-12-31" });
for (let i = 0; i < 4; i++) { const t0 = performance.now(); const r = checkSheet(s, { asOf: "2025-12-31" }); console.log(performance.now() - t0, r.findings.length); }
