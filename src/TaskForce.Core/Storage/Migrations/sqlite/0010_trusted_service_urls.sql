-- The service URLs the bot's own token may go to after a restart, besides Microsoft's channel hosts and the
-- configured ones: only those a Bot Framework token's serviceurl claim asserted. A URL that merely arrived on an
-- activity (an Entra caller's, say) is stored with its conversation reference but never trusted.
CREATE TABLE TrustedServiceUrls (
    ServiceUrl   TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    AssertedAtMs INTEGER NOT NULL
) WITHOUT ROWID;

-- The allow-list no longer asks which service URLs conversation references name.
DROP INDEX IX_ConversationReferences_ServiceUrl;
