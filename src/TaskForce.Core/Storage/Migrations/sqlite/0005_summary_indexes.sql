-- The campaign summary counts its traffic lights in SQL (Tasks/TaskSummaryStore.cs). This partial index holds every
-- column the light, the overdue list and the non-reporter count read, so a summary of one campaign (a range on
-- CampaignId) or of the whole city reads the index only, never the task rows. ClosedAtMs is always NULL in it; it is
-- there so the index covers the queries' own "ClosedAtMs IS NULL".
CREATE INDEX IX_Tasks_Summary ON Tasks(
    CampaignId, Deadline, StartDate, LatestPercent, LatestStatus, OwnerMemberId, LatestReportAtMs, ClosedAtMs)
    WHERE ClosedAtMs IS NULL;

-- An open escalated blocker turns its task red: the summary collects these tasks once per query.
CREATE INDEX IX_Blockers_Escalated ON Blockers(TaskId) WHERE State IN ('open', 'acknowledged') AND Level > 0;
