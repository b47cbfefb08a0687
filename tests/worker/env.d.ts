declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    BLOBS: R2Bucket;
    LEDGER: DurableObjectNamespace<import("../../functions/ledger/object.js").TenantLedger>;
    TEST_FAULTS: string;
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    TEST_ENTRA_PRIVATE_JWK: string;
    /** The test key set served over HTTP on loopback (tests/worker/vitest.config.ts). */
    TEST_JWKS_URL: string;
    ENTRA_AUDIENCE: string;
    MAX_BODY_BYTES: string;
    /** Base64 files of the format corpus by folder + extension ("csv-gbk.csv"), for the upload tests. */
    TEST_FORMAT_FILES: string;
    /** The real forms of ../shared/samples(-more) for the round trip: [{ file, kind, base64 }]. */
    TEST_SAMPLE_FILES: string;
    /** One branch's 花名册, 党费 and 三会一课 files (tests/fixtures/realistic/book), base64 by ledger. */
    TEST_BOOK_FILES: string;
    MAX_CELLS: string;
    MAX_FINDINGS: string;
    EXPORT_XLSX_MAX_BYTES: string;
  }
}
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import("../../functions/index.js");
  }
}
