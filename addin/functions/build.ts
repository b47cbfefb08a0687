import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DJ_FUNCTIONS } from "./register.js";

/**
 * `npm run build:functions`: functions.json from the JSDoc of functions.ts, and one IIFE
 * bundle for the shared runtime. The metadata tool exits 0 on errors, so this script checks
 * them itself and fails the build, as it does when metadata and DJ_FUNCTIONS disagree.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

/**
 * esbuild cannot shake zod's `z` namespace, which re-exports every message locale (~260 KB
 * minified). The functions only need zod to validate fetched rule sets, with zod's built-in
 * English messages (imported separately) and our own Chinese ones, so the locale index is
 * replaced by an empty module.
 */
const dropZodLocales: Plugin = {
  name: "drop-zod-locales",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/zod/`) ? { path: args.path, namespace: "zod-no-locales" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-no-locales" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

export interface FunctionsBuild {
  metadataPath: string;
  bundlePath: string;
  ids: string[];
}

export async function buildFunctions(outDir = join(root, "dist/addin")): Promise<FunctionsBuild> {
  const source = join(here, "functions.ts");
  const result = await generateCustomFunctionsMetadata(source);
  if (result.errors.length > 0 || !result.metadataJson) {
    throw new Error(`functions.json: ${result.errors.join("\n") || "no functions found"}`);
  }
  const metadata = JSON.parse(result.metadataJson) as { functions: { id: string }[] };
  const ids = metadata.functions.map((f) => f.id);
  const registered = Object.keys(DJ_FUNCTIONS);
  const unmatched = [...ids.filter((id) => !registered.includes(id)), ...registered.filter((id) => !ids.includes(id))];
  if (unmatched.length > 0) throw new Error(`functions.json and DJ_FUNCTIONS disagree on: ${unmatched.join(", ")}`);

  await mkdir(outDir, { recursive: true });
  const metadataPath = join(outDir, "functions.json");
  await writeFile(metadataPath, result.metadataJson + "\n");
  const bundlePath = join(outDir, "functions.js");
  await build({
    entryPoints: [join(here, "bundle-entry.ts")],
    outfile: bundlePath,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    sourcemap: true,
    legalComments: "none",
    plugins: [dropZodLocales],
    logLevel: "warning",
  });
  return { metadataPath, bundlePath, ids };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildFunctions(process.argv[2] ? resolve(process.argv[2]) : undefined).then(
    (b) => console.log(`${b.ids.length} functions → ${b.metadataPath}, ${b.bundlePath}`),
    (error: unknown) => {
      console.error(String(error instanceof Error ? error.message : error));
      process.exit(1);
    },
  );
}
