-- Per-department storage (issue 13): rule sets and templates, collections, the submissions index,
-- idempotency keys and their audit now live in one SQLite-backed Durable Object per tenant
-- (migrations/ledger/). D1 keeps the global directory: organisations, API tokens, Entra ID links,
-- the audit of those, and the blob sweep's cursor. The old tables are kept, renamed, so no row is
-- lost; nothing reads or writes them any more (a deployment with data in them would copy it into
-- the tenants' objects once, before switching).
ALTER TABLE published_versions RENAME TO legacy_published_versions;
ALTER TABLE collections RENAME TO legacy_collections;
ALTER TABLE collection_branches RENAME TO legacy_collection_branches;
ALTER TABLE submissions RENAME TO legacy_submissions;
ALTER TABLE idempotency_keys RENAME TO legacy_idempotency_keys;
