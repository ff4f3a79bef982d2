-- Guessing link codes by rotating chat accounts. Failed attempts are now counted per conversation and over
-- all accounts too; past the global limit every attempt is refused until a lockout ends (LinkLockouts, one row
-- per lockout, so instances and restarts share it), and a code that has seen too many failures since it was
-- issued is voided. Attempts refused during a lockout are only counted (Refused), never stored one by one.
ALTER TABLE LinkAttempts ADD COLUMN ConversationId TEXT;
CREATE INDEX IX_LinkAttempts_Conversation ON LinkAttempts(ChannelId, ConversationId, AtMs) WHERE Succeeded = 0;
CREATE INDEX IX_LinkAttempts_Failed ON LinkAttempts(AtMs) WHERE Succeeded = 0;

ALTER TABLE LinkCodes ADD COLUMN VoidedAtMs INTEGER;
CREATE INDEX IX_LinkCodes_Outstanding ON LinkCodes(ExpiresAtMs, CreatedAtMs) WHERE UsedAtMs IS NULL AND VoidedAtMs IS NULL;

CREATE TABLE LinkLockouts (
    Id          INTEGER PRIMARY KEY,
    StartedAtMs INTEGER NOT NULL,
    UntilMs     INTEGER NOT NULL,
    Failures    INTEGER NOT NULL,
    Refused     INTEGER NOT NULL DEFAULT 0
);
