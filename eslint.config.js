import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", ".wrangler/**", "coverage/**", "bench/out/**", "tests/out/**", ".scratch/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Spreading a list into arguments throws RangeError past ~120,000 items (a sheet's findings,
    // rows, bytes): shared/util/append-all.ts has appendAll, maxOf and minOf instead.
    files: ["shared/**", "cli/**", "functions/**", "addin/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode|fromCodePoint|apply)$/] > SpreadElement",
          message: "Spreading into arguments crashes past ~120,000 items: use appendAll / maxOf / minOf (shared/util/append-all.ts) or a loop.",
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "scripts/**", "bench/**", "bin/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
  },
);
