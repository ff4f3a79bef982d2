-- Blockers seeded from a roster file carry the file's stable key, so a re-import finds them instead of adding twice.
ALTER TABLE Blockers ADD COLUMN ImportKey TEXT;
CREATE UNIQUE INDEX UX_Blockers_ImportKey ON Blockers(ImportKey) WHERE ImportKey IS NOT NULL;

-- The blockers export selects by the time a blocker was raised.
CREATE INDEX IX_Blockers_RaisedAt ON Blockers(RaisedAtMs);
