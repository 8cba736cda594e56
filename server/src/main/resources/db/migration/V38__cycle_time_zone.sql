-- The time zone a cycle's dates and times are shown in (stored times stay UTC). America/Toronto: the
-- Canadian R-1 match publishes its calendar in Eastern time.
ALTER TABLE cycle ADD COLUMN time_zone VARCHAR(64) DEFAULT 'America/Toronto' NOT NULL;
