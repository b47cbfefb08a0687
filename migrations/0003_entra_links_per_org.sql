-- An Entra ID user may be linked by more than one organisation: the first tenant to link a
-- user no longer owns it, and linking tells nobody whether another tenant linked the same user.
-- A user linked in several organisations names one per request (X-Org-Id header).
DROP INDEX entra_principals_user;
CREATE INDEX entra_principals_user ON entra_principals (tid, oid);
