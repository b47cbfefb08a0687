import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped size (zlib level 6) of a file, as a server sends it. */
export const gzSize = (file: string) => gzipSync(readFileSync(file)).length;

/** Every script an HTML page loads before it runs (module entries, modulepreloads, classic scripts), local files only. */
export function initialScripts(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), "utf8");
  const refs = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(refs.filter((r) => !/^https?:/.test(r)).map((r) => join(dir, r)))];
}

export const gzTotal = (files: string[]) => files.reduce((n, f) => n + gzSize(f), 0);
