-- Orphan-blob sweep (functions/lib/sweep.ts): a submission writes its R2 blobs before its D1
-- batch, so a process killed in between leaves blobs no row references. The sweep walks the
-- bucket a page at a time and asks D1, in batches, whether each old blob is referenced.
-- These indexes make that question a lookup rather than a scan of the organisation's submissions
-- (a scan would hold D1's single writer for the whole sweep). The file index is partial: most
-- submissions are JSON grids without an uploaded workbook.
CREATE INDEX submissions_grid ON submissions (org_id, grid_sha256);
CREATE INDEX submissions_findings ON submissions (org_id, findings_sha256);
CREATE INDEX submissions_file ON submissions (org_id, file_sha256) WHERE file_sha256 IS NOT NULL;

-- Where the scheduled sweep stopped (the last R2 key it looked at), so each run continues the walk.
CREATE TABLE maintenance_state (
  name       TEXT NOT NULL PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
