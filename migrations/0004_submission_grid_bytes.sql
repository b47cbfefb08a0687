-- The stored grid's size in bytes, so an export knows how much it would read (and refuses above
-- its cap) from D1 alone, before touching R2. NULL for rows written before this column existed.
ALTER TABLE submissions ADD COLUMN grid_bytes INTEGER;
