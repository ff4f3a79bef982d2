-- A job for a member the bot cannot write to yet (never opened the bot, and no Teams chat could be started) waits
-- in state 'waiting' instead of failing; the member's first message releases it. SQLite cannot alter a CHECK, so
-- the table is rebuilt with the same columns and indexes.
CREATE TABLE Outbox_next (
    Id                INTEGER PRIMARY KEY,
    Kind              TEXT NOT NULL,
    IdempotencyKey    TEXT NOT NULL UNIQUE,
    DueAtMs           INTEGER NOT NULL,
    NotAfterMs        INTEGER,
    RecipientMemberId INTEGER REFERENCES Members(Id),
    MeetingId         INTEGER REFERENCES Meetings(Id),
    BlockerId         INTEGER REFERENCES Blockers(Id),
    Payload           TEXT NOT NULL DEFAULT '{}',
    State             TEXT NOT NULL DEFAULT 'pending' CHECK (State IN ('pending', 'retrying', 'sent', 'failed', 'skipped', 'voided', 'digested', 'waiting')),
    Attempts          INTEGER NOT NULL DEFAULT 0,
    NextAttemptAtMs   INTEGER NOT NULL,
    LeaseUntilMs      INTEGER NOT NULL DEFAULT 0,
    LeaseOwner        TEXT,
    LastError         TEXT,
    Critical          INTEGER NOT NULL DEFAULT 0,
    CreatedAtMs       INTEGER NOT NULL,
    CompletedAtMs     INTEGER
);
INSERT INTO Outbox_next (Id, Kind, IdempotencyKey, DueAtMs, NotAfterMs, RecipientMemberId, MeetingId, BlockerId, Payload, State,
                         Attempts, NextAttemptAtMs, LeaseUntilMs, LeaseOwner, LastError, Critical, CreatedAtMs, CompletedAtMs)
SELECT Id, Kind, IdempotencyKey, DueAtMs, NotAfterMs, RecipientMemberId, MeetingId, BlockerId, Payload, State,
       Attempts, NextAttemptAtMs, LeaseUntilMs, LeaseOwner, LastError, Critical, CreatedAtMs, CompletedAtMs
FROM Outbox;
DROP TABLE Outbox;
ALTER TABLE Outbox_next RENAME TO Outbox;
CREATE INDEX IX_Outbox_Due ON Outbox(NextAttemptAtMs) WHERE State IN ('pending', 'retrying');
CREATE INDEX IX_Outbox_Meeting ON Outbox(MeetingId, State);
CREATE INDEX IX_Outbox_Recipient ON Outbox(RecipientMemberId, CompletedAtMs);
CREATE INDEX IX_Outbox_State ON Outbox(State, CreatedAtMs);
CREATE INDEX IX_Outbox_Completed ON Outbox(CompletedAtMs) WHERE CompletedAtMs IS NOT NULL;
CREATE INDEX IX_Outbox_LeaseOwner ON Outbox(LeaseOwner) WHERE LeaseOwner IS NOT NULL;
CREATE INDEX IX_Outbox_Waiting ON Outbox(RecipientMemberId) WHERE State = 'waiting';
