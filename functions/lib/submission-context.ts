import type { Bindings, Principal } from "../env.js";
import type { CollectionRow, VersionRow } from "../ledger/rows.js";
import { ledger } from "../ledger/stub.js";
import { canSeeCollection } from "./access.js";
import { ApiError, notFound } from "./errors.js";
import { ShortCache } from "./short-cache.js";

/**
 * What a branch's submission needs of its collection, per isolate for a minute: all of it is
 * fixed when the collection opens (template, rule set, period, due date, branches) except whether
 * it is still open, which the store checks again in the commit, and the departments' saved
 * mappings, read in the same call (a mapping saved in this isolate applies at once, elsewhere
 * within the minute). A clerk submitting again makes no call to read it.
 */
interface SubmissionContext {
  collection: CollectionRow;
  mappings: VersionRow[];
}
const contexts = new ShortCache<SubmissionContext>(60_000);
const contextKey = (rootId: string, collectionId: string, branchId: string) => `${rootId}\u0000${collectionId}\u0000${branchId}`;

/** Forget what this isolate knows of a collection (it was closed here). */
export const forgetCollection = (rootId: string, collectionId: string) => contexts.deletePrefix(`${rootId}\u0000${collectionId}\u0000`);

/** Forget what this isolate knows of a tenant's collections (a mapping was saved here). */
export const forgetTenantContexts = (rootId: string) => contexts.deletePrefix(`${rootId}\u0000`);

export async function collectionForSubmission(env: Pick<Bindings, "LEDGER">, p: Principal, collectionId: string): Promise<SubmissionContext> {
  const key = contextKey(p.rootId, collectionId, p.orgId);
  const known = contexts.get(key);
  if (known) return known;
  const found = await ledger(env, p.rootId).collection(collectionId, p.orgId, true);
  if (!found || !canSeeCollection(p, found.collection, found.member)) throw notFound("Collection", "报送任务", collectionId);
  if (found.collection.status !== "open") throw collectionClosed();
  const context = { collection: found.collection, mappings: found.mappings ?? [] };
  contexts.set(key, context);
  return context;
}

export const collectionClosed = () => new ApiError(409, "collection_closed", "报送任务已关闭", "The collection is closed");
