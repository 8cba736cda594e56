-- Issue #16: how a partner list upload's dates were read (day/month or month/day) and why: the
-- uploader said so (STATED), a row of the file proved it (FILE, with that row's number), or no date
-- depended on it (NOT_NEEDED). Null on uploads made before: they refused every ambiguous date.
ALTER TABLE list_upload ADD COLUMN date_order VARCHAR(12);
ALTER TABLE list_upload ADD COLUMN date_order_reason VARCHAR(12);
ALTER TABLE list_upload ADD COLUMN date_order_row INTEGER;
