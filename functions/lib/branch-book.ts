import type { z } from "@hono/zod-openapi";
import type { Bindings, Principal } from "../env.js";
import type { OrgRow } from "../db/orgs.js";
import type { CollectionRow, SubmissionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import type { BookPart, CheckOptions, Lang } from "../../shared/index.js";
import type { BranchBook } from "../../shared/api/schemas.js";
import type { MappingInput } from "../../shared/template/mapping.js";
import { collectionCheckOptions } from "../../shared/api/collection-check.js";
import { collectionAsOf } from "../../shared/calendar/period-order.js";
import { canSeeCollection } from "./access.js";
import { countFindings, runBookDelta } from "./engine.js";
import { notFound } from "./errors.js";
import { todayCst } from "./hash.js";
import { savedMappings } from "./mappings.js";
import { readStoredGrid } from "./stored-grid.js";
import { collectionDocs } from "./submit.js";
import { bookMessage } from "./branch-book-message.js";

type BranchBookOut = z.infer<typeof BranchBook>;

/** Distinct labels for the parts (their collections' titles; a repeated title gets its id). */
function labelsOf(collections: CollectionRow[]): string[] {
  const seen = new Map<string, number>();
  for (const c of collections) seen.set(c.title, (seen.get(c.title) ?? 0) + 1);
  return collections.map((c) => ((seen.get(c.title) ?? 0) > 1 ? `${c.title}（${c.collection_id}）` : c.title));
}

const usable = (s: SubmissionRow | null): s is SubmissionRow => !!s && s.status !== "wrong_template";

/**
 * A branch's book for one period (issue 9): its latest submission to every 报送任务 of that
 * period it is asked to submit to, each read again from what was stored and checked with its
 * own collection's template, rule set and mappings, then all against each other. What the
 * admin needs beside each submission's own findings is the difference: what the book adds and
 * what it withdraws. With fewer than two usable submissions nothing is compared, and the answer
 * says so (never a clean book).
 */
export async function branchBookOf(env: Bindings, p: Principal, branch: OrgRow, period: string, lang: Lang): Promise<BranchBookOut> {
  const entries = (await ledger(env, p.rootId).branchBook(branch.org_id, period)).filter((e) => canSeeCollection(p, e.collection, true));
  if (entries.length === 0) throw notFound("Book of this period", `该支部本期（${period}）的报送任务`, `${branch.org_id} ${period}`);
  const labels = labelsOf(entries.map((e) => e.collection));
  const asOf = collectionAsOf(period, todayCst());
  const parts = entries.map((e, i) => ({
    collectionId: e.collection.collection_id,
    title: e.collection.title,
    template: { orgId: e.collection.template_org_id, id: e.collection.template_id, version: e.collection.template_version },
    label: labels[i]!,
    submission: e.latest ? { id: e.latest.submission_id, version: e.latest.version, status: e.latest.status, submittedAt: e.latest.submitted_at } : null,
    used: usable(e.latest),
  }));
  const used = entries.filter((e) => usable(e.latest));
  const base = { branchId: branch.org_id, name: branch.name, period, asOf, parts };
  const unusedTitles = parts.filter((x) => !x.used).map((x) => x.label);
  if (used.length < 2) {
    return { ...base, status: "not_checked", message: bookMessage(lang, "not_checked", unusedTitles, used.length, null), counts: { errors: 0, warnings: 0, infos: 0 }, added: [], withdrawn: [] };
  }

  const mappingsOf = new Map<string, Promise<MappingInput[]>>();
  const bookParts: BookPart[] = [];
  let bookOptions: CheckOptions | null = null;
  for (const [i, e] of entries.entries()) {
    if (!usable(e.latest)) continue;
    const col = e.collection;
    if (!mappingsOf.has(col.owner_path)) mappingsOf.set(col.owner_path, savedMappings(env, col.owner_path));
    const [grid, docs, mappings] = await Promise.all([readStoredGrid(env, e.latest), collectionDocs(env, col), mappingsOf.get(col.owner_path)!]);
    const o = collectionCheckOptions({ ...docs, asOf, lang, mappings });
    // The book's own rules take the oldest collection's rule set (a period's collections share one as a rule).
    bookOptions ??= { asOf, lang, ruleSet: docs.ruleSet };
    bookParts.push({
      grid,
      file: labels[i]!,
      options: { templates: o.templates, template: o.template, ruleSet: o.ruleSet, ...(o.mapping ? { mapping: o.mapping } : {}) },
    });
  }
  const delta = runBookDelta(bookParts, bookOptions!);
  // Only a part of which a sheet was checked again was compared (a template or mapping may have changed since).
  const checked = new Set(delta.report.sheets.filter((sh) => sh.status === "checked").map((sh) => sh.file));
  const notCompared = parts.filter((x) => x.used && !checked.has(x.label)).map((x) => x.label);
  const missing = [...unusedTitles, ...notCompared];
  const compared = used.length - notCompared.length;
  if (compared < 2) {
    return { ...base, status: "not_checked", message: bookMessage(lang, "not_checked", missing, compared, null), counts: { errors: 0, warnings: 0, infos: 0 }, added: [], withdrawn: [] };
  }
  const counts = countFindings({ sheets: [], findings: delta.added });
  const status = missing.length ? "incomplete" : "checked";
  return { ...base, status, message: bookMessage(lang, status, missing, compared, counts), counts, added: delta.added, withdrawn: delta.withdrawn };
}
