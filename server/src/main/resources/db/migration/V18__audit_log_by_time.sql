-- The operator's audit page reads the log newest first, a page at a time, usually filtered by period:
-- without this index every page sorts the whole log.
CREATE INDEX audit_log_by_time ON audit_log (at, id);
