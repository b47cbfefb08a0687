import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { exportJWK, generateKeyPair } from "jose";
import { defineConfig } from "vitest/config";

// The Worker's tests run inside workerd (vitest-pool-workers 0.15.1, last release for Node 20),
// with the D1 migrations applied by the setup file and a local Entra key set.
export default defineConfig(async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const pub = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const priv = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256" };
  // The same key set served over HTTP on loopback, as Microsoft serves it: for the remote key set (ENTRA_JWKS_URL).
  const jwks = createServer((req, res) => {
    res.writeHead(req.url === "/keys" ? 200 : 404, { "content-type": "application/json" }).end(req.url === "/keys" ? JSON.stringify({ keys: [pub] }) : "{}");
  });
  await new Promise<void>((done) => jwks.listen(0, "127.0.0.1", done));
  jwks.unref();
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
  // A few files of the format corpus (tests/fixtures/formats), base64, for the upload tests: workerd has no file system.
  const corpus = path.join(root, "tests/fixtures/formats");
  const roster = "东湖村党支部党员花名册";
  const formatFiles = Object.fromEntries(
    ["original/.xlsx", "csv-gbk/.csv", "xls/.xls", "et/.et", "ods/.ods"].map((p) => {
      const [dir, ext] = p.split("/");
      return [`${dir}${ext}`, readFileSync(path.join(corpus, dir!, `${roster}${ext}`)).toString("base64")];
    }),
  );
  // The real forms the round trip goes through the Worker with (tests/worker/forms-round-trip.test.ts):
  // every ledger among the 83 (kinds.json), and every seventh of the others.
  const samples = path.resolve(root, "..", "shared", "samples");
  const more = path.resolve(root, "..", "shared", "samples-more");
  const kinds = JSON.parse(readFileSync(path.join(more, "kinds.json"), "utf8")).kinds as Record<string, string>;
  const others = Object.keys(kinds).filter((f) => kinds[f] === "none").sort();
  const chosen = [
    ...readdirSync(samples).filter((f) => f.endsWith(".xlsx")).map((f) => ({ dir: samples, file: f, kind: "ledger" })),
    ...Object.keys(kinds).filter((f) => kinds[f] !== "none").map((f) => ({ dir: more, file: f, kind: kinds[f]! })),
    ...others.filter((_, i) => i % 7 === 0).map((f) => ({ dir: more, file: f, kind: "none" })),
  ];
  const sampleFiles = chosen.map((c) => ({ file: c.file, kind: c.kind, base64: readFileSync(path.join(c.dir, c.file)).toString("base64") }));
  // One branch's book split into files (tests/fixtures/realistic/book), for the per-branch book.
  const bookDir = path.join(root, "tests/fixtures/realistic/book");
  const bookFiles = Object.fromEntries(
    (["花名册", "党费", "三会一课"] as const).map((k) => [k, readFileSync(path.join(bookDir, `东湖村党支部2025年${k}.xlsx`)).toString("base64")]),
  );
  return {
    plugins: [
      cloudflareTest({
        main: path.join(root, "functions/index.ts"),
        wrangler: { configPath: path.join(root, "wrangler.toml") },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            TEST_FAULTS: "1",
            MAX_BODY_BYTES: "1048576",
            MAX_CELLS: "50000",
            MAX_FINDINGS: "2000",
            EXPORT_XLSX_MAX_BYTES: "300000",
            ALLOWED_ORIGINS: "https://addin.example.org,https://localhost:3000",
            ENTRA_AUDIENCE: "api://party-ledger-test",
            ENTRA_TENANTS: "tenant-a",
            ENTRA_JWKS_JSON: JSON.stringify({ keys: [pub] }),
            TEST_ENTRA_PRIVATE_JWK: JSON.stringify(priv),
            TEST_JWKS_URL: jwksUrl,
            TEST_FORMAT_FILES: JSON.stringify(formatFiles),
            TEST_SAMPLE_FILES: JSON.stringify(sampleFiles),
            TEST_BOOK_FILES: JSON.stringify(bookFiles),
          },
        },
      }),
    ],
    test: {
      name: "worker",
      root,
      include: ["tests/worker/**/*.test.ts"],
      setupFiles: ["tests/worker/apply-migrations.ts"],
      testTimeout: 60_000,
    },
  };
});
