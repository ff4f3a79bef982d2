-- Indexes for the outbox queries of the scheduler that 0001 does not cover: the administrators' list of
-- recently finished jobs, and the release of a dispatcher's leases on shutdown.
CREATE INDEX IX_Outbox_Completed ON Outbox(CompletedAtMs) WHERE CompletedAtMs IS NOT NULL;
CREATE INDEX IX_Outbox_LeaseOwner ON Outbox(LeaseOwner) WHERE LeaseOwner IS NOT NULL;
