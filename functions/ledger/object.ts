import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../env.js";
import { insertAudit, listAudit } from "./audit.js";
import { recordDeleted, referencedKeys, takeDeleted } from "./blobs.js";
import { branchIdsOf, closeCollection, collectionsForBranch, collectionsUnder, getCollection, insertCollection, isMember } from "./collections.js";
import type { AuditEntry, CollectionRow, DocKind, SubmissionRow, VersionRow } from "./rows.js";
import { migrate } from "./schema.js";
import { insertSmallBlobs, readSmallBlobs, smallBlobsFit, type SmallBlob } from "./small-blobs.js";
import { all, one } from "./sql.js";
import { branchBook, exportSize, getSubmission, getSubmissionVersion, insertNextSubmission, latestPerBranch, listSubmissions } from "./submissions.js";
import { findVersion, insertNextVersion, listLatest, listVersions } from "./versions.js";

/** One submission to store, with everything the object checks and writes in its one transaction. */
export interface CommitRequest {
  row: Omit<SubmissionRow, "version">;
  /** The caller's Idempotency-Key and the hash of what it was sent with (scoped to the branch). */
  idempotency: { key: string; requestSha256: string } | null;
  audit: AuditEntry;
  /** The R2 keys the row references: any this object deleted meanwhile is named in `reput`. */
  blobKeys: string[];
  /**
   * Bodies to keep in this store with the row (their bits set in `row.kept_here`), while it holds
   * at most `smallBudget` bytes of them; beyond it the answer is `full` and nothing is written.
   */
  small?: SmallBlob[];
  smallBudget?: number;
  /** Tests only (TEST_FAULTS=1): fail inside the transaction, after every write. */
  fault?: boolean;
}

export type CommitResult =
  | { kind: "stored"; version: number; reput: string[] }
  | { kind: "replay"; row: SubmissionRow }
  | { kind: "key_reused" }
  | { kind: "closed" }
  | { kind: "not_found" }
  | { kind: "full" };

/** Notes of deleted blobs are kept this long: far longer than any request between its put and its commit. */
const DELETED_NOTE_MS = 24 * 3600_000;

/**
 * A department's store: a SQLite-backed Durable Object per tenant (its root organisation's id).
 * Every method runs on the object's single thread and its writes are one synchronous transaction,
 * so version numbers come from that order (no retries) and a response leaves only once its writes
 * are durable. The Worker calls it over RPC; functions/ledger/*.ts hold the SQL.
 */
export class TenantLedger extends DurableObject<Bindings> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    void ctx.blockConcurrencyWhile(async () => migrate(ctx.storage));
  }

  // ---- rule sets and templates ----

  /** Version n+1 of a document with its audit row; `reput` when its body was deleted as an orphan meanwhile. */
  publishVersion(v: Omit<VersionRow, "version">, audit: AuditEntry): { version: number; reput: boolean } {
    return this.ctx.storage.transactionSync(() => {
      const version = insertNextVersion(this.sql, v);
      insertAudit(this.sql, audit);
      return { version, reput: takeDeleted(this.sql, [v.r2_key]).length > 0 };
    });
  }

  findVersion(kind: DocKind, docId: string, orgIds: string[], version?: number): VersionRow | null {
    return findVersion(this.sql, kind, docId, orgIds, version);
  }

  /** Several lookups in one call (a batch read of rule sets). */
  findVersions(lookups: { kind: DocKind; docId: string; orgIds: string[]; version?: number }[]): (VersionRow | null)[] {
    return lookups.map((l) => findVersion(this.sql, l.kind, l.docId, l.orgIds, l.version));
  }

  listVersions(kind: DocKind, docId: string, orgId: string): VersionRow[] {
    return listVersions(this.sql, kind, docId, orgId);
  }

  listLatest(kind: DocKind, orgIds: string[]): VersionRow[] {
    return listLatest(this.sql, kind, orgIds);
  }

  // ---- collections ----

  openCollection(row: CollectionRow, branchIds: string[], audit: AuditEntry): "opened" | "exists" {
    return this.ctx.storage.transactionSync(() => {
      if (getCollection(this.sql, row.collection_id)) return "exists";
      insertCollection(this.sql, row, branchIds);
      insertAudit(this.sql, audit);
      return "opened";
    });
  }

  /**
   * A collection, and whether `branchId` is asked to submit to it; null when there is none. With
   * `withMappings`, also the latest mapping of every department on the collection owner's path
   * (what a submission's check applies), in the same call.
   */
  collection(collectionId: string, branchId?: string, withMappings = false): { collection: CollectionRow; member: boolean; mappings?: VersionRow[] } | null {
    const collection = getCollection(this.sql, collectionId);
    if (!collection) return null;
    const member = branchId ? isMember(this.sql, collectionId, branchId) : false;
    if (!withMappings) return { collection, member };
    return { collection, member, mappings: listLatest(this.sql, "mapping", collection.owner_path.split("/").filter(Boolean)) };
  }

  collectionsUnder(path: string): CollectionRow[] {
    return collectionsUnder(this.sql, path);
  }

  collectionsForBranch(branchId: string): CollectionRow[] {
    return collectionsForBranch(this.sql, branchId);
  }

  closeCollection(collectionId: string, audit: AuditEntry): CollectionRow | null {
    return this.ctx.storage.transactionSync(() => {
      if (!getCollection(this.sql, collectionId)) return null;
      closeCollection(this.sql, collectionId);
      insertAudit(this.sql, audit);
      return getCollection(this.sql, collectionId);
    });
  }

  /** The branches a collection asks, and each one's latest submission. */
  collectionStatus(collectionId: string): { branchIds: string[]; latest: SubmissionRow[] } {
    return { branchIds: branchIdsOf(this.sql, collectionId), latest: latestPerBranch(this.sql, collectionId) };
  }

  // ---- submissions ----

  /**
   * Store one submission: the collection must exist, ask this branch and be open; a known
   * Idempotency-Key answers as before (same request) or is refused (another request); otherwise
   * version n+1, the key and the audit row are written together.
   */
  commitSubmission(req: CommitRequest): CommitResult {
    return this.ctx.storage.transactionSync((): CommitResult => {
      const { row } = req;
      const col = one<{ status: string; member: number }>(
        this.sql,
        "SELECT status, EXISTS (SELECT 1 FROM collection_branches WHERE collection_id = ?1 AND branch_id = ?2) AS member FROM collections WHERE collection_id = ?1",
        row.collection_id,
        row.branch_id,
      );
      if (!col || col.member !== 1) return { kind: "not_found" };
      if (col.status !== "open") return { kind: "closed" };
      if (req.idempotency) {
        const prior = one<{ request_sha256: string; submission_id: string }>(
          this.sql,
          "SELECT request_sha256, submission_id FROM idempotency_keys WHERE org_id = ? AND idem_key = ?",
          row.branch_id,
          req.idempotency.key,
        );
        if (prior) {
          if (prior.request_sha256 !== req.idempotency.requestSha256) return { kind: "key_reused" };
          const stored = getSubmission(this.sql, prior.submission_id);
          if (stored) return { kind: "replay", row: stored };
        }
      }
      const small = req.small ?? [];
      if (small.length && !smallBlobsFit(this.sql, small, req.smallBudget ?? 0)) return { kind: "full" };
      insertSmallBlobs(this.sql, small, row.submitted_at);
      const version = insertNextSubmission(this.sql, row);
      if (req.idempotency) {
        this.sql.exec(
          "INSERT INTO idempotency_keys (org_id, idem_key, request_sha256, submission_id, created_at) VALUES (?, ?, ?, ?, ?)",
          row.branch_id,
          req.idempotency.key,
          req.idempotency.requestSha256,
          row.submission_id,
          row.submitted_at,
        );
      }
      insertAudit(this.sql, req.audit);
      if (req.fault && this.env.TEST_FAULTS === "1") throw new Error("injected fault inside the transaction");
      return { kind: "stored", version, reput: takeDeleted(this.sql, req.blobKeys) };
    });
  }

  submission(submissionId: string): SubmissionRow | null {
    return getSubmission(this.sql, submissionId);
  }

  submissionVersion(collectionId: string, branchId: string, version: number): SubmissionRow | null {
    return getSubmissionVersion(this.sql, collectionId, branchId, version);
  }

  submissions(collectionId: string, branchId?: string): SubmissionRow[] {
    return listSubmissions(this.sql, collectionId, branchId);
  }

  latestPerBranch(collectionId: string): SubmissionRow[] {
    return latestPerBranch(this.sql, collectionId);
  }

  exportSize(collectionId: string, versions: "latest" | "all"): { submissions: number; bytes: number } {
    return exportSize(this.sql, collectionId, versions);
  }

  /**
   * A branch's book for one period (issue 9 builds its cross-ledger view on it): every collection of
   * that period the branch is asked to submit to, with its latest submission or null.
   */
  branchBook(branchId: string, period: string): { collection: CollectionRow; latest: SubmissionRow | null }[] {
    return branchBook(this.sql, branchId, period);
  }

  /** Bodies this store keeps (lib/submission-blobs.ts reads a row's through it). */
  smallBlobs(keys: string[]): Record<string, Uint8Array> {
    return readSmallBlobs(this.sql, keys);
  }

  // ---- audit ----

  audit(path: string, opts: { limit: number; before?: string; action?: string }) {
    return listAudit(this.sql, path, opts);
  }

  // ---- blobs ----

  /**
   * Delete those of `keys` no row references (an orphan the sweep found, the blobs of a request
   * that failed), and note them so a commit that reuses one puts it back. Nothing else runs on this
   * object meanwhile, so no commit can start referencing a key between the check and the delete.
   */
  async deleteUnreferenced(keys: string[]): Promise<string[]> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const referenced = referencedKeys(this.sql, keys);
      const doomed = [...new Set(keys)].filter((k) => !referenced.has(k));
      const now = Date.now();
      this.sql.exec("DELETE FROM deleted_blobs WHERE deleted_at < ?", new Date(now - DELETED_NOTE_MS).toISOString());
      if (doomed.length === 0) return [];
      // Noted first (the delete goes out only once the note is durable): a note for a blob that
      // survived costs one needless put; a deleted blob without its note would be lost.
      recordDeleted(this.sql, doomed, new Date(now).toISOString());
      try {
        for (let i = 0; i < doomed.length; i += 1000) await this.env.BLOBS.delete(doomed.slice(i, i + 1000));
      } catch {
        return [];
      }
      return doomed;
    });
  }

  /** Dev only (`npm run load`'s state check, through /v1/_inspect): every row's blob keys and dangling idempotency keys. */
  inspect(): {
    submissions: { org_id: string; grid_sha256: string; findings_sha256: string; file_sha256: string | null; source: string; kept_here: number }[];
    smallBlobs: string[];
    published: string[];
    danglingKeys: number;
  } {
    return {
      submissions: all(this.sql, "SELECT org_id, grid_sha256, findings_sha256, file_sha256, source, kept_here FROM submissions"),
      smallBlobs: all<{ blob_key: string }>(this.sql, "SELECT blob_key FROM small_blobs").map((r) => r.blob_key),
      published: all<{ r2_key: string }>(this.sql, "SELECT r2_key FROM published_versions").map((r) => r.r2_key),
      danglingKeys:
        one<{ n: number }>(this.sql, "SELECT COUNT(*) AS n FROM idempotency_keys i LEFT JOIN submissions s ON s.submission_id = i.submission_id WHERE s.submission_id IS NULL")?.n ?? 0,
    };
  }
}
