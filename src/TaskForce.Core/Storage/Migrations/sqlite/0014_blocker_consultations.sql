-- 会商: one row per department asked to consult on a blocker, with its reply once it gives one. The blocker's
-- history (BlockerEvents) still records each request and each reply; this table is what a reply is checked against
-- and what the brief shows.
CREATE TABLE BlockerConsultations (
    BlockerId           INTEGER NOT NULL REFERENCES Blockers(Id) ON DELETE CASCADE,
    DepartmentId        INTEGER NOT NULL REFERENCES Departments(Id),
    RequestedByMemberId INTEGER NOT NULL REFERENCES Members(Id),
    RequestedAtMs       INTEGER NOT NULL,
    Reply               TEXT,
    RepliedByMemberId   INTEGER REFERENCES Members(Id),
    RepliedAtMs         INTEGER,
    PRIMARY KEY (BlockerId, DepartmentId)
);

-- Consultations recorded before this table existed named the department in the event's note.
INSERT OR IGNORE INTO BlockerConsultations (BlockerId, DepartmentId, RequestedByMemberId, RequestedAtMs)
SELECT e.BlockerId, d.Id, e.ActorMemberId, e.AtMs
FROM BlockerEvents e JOIN Departments d ON d.Name = e.Note
WHERE e.Kind = 'consultation' AND e.ActorMemberId IS NOT NULL;
