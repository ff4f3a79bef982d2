-- The campaign summary (Tasks/TaskSummaryStore.cs) works out how far along each open task should be from the
-- julianday() of its start and deadline. Parsing that date text for every open task on every summary was most of the
-- summary's cost, so the covering summary index of 0005 also holds both julianday() values: SQLite computes them when
-- a task is written (no writer changes) and the summary queries read them from the index instead of parsing the text.
DROP INDEX IX_Tasks_Summary;
CREATE INDEX IX_Tasks_Summary ON Tasks(
    CampaignId, Deadline, StartDate, julianday(StartDate), julianday(Deadline), LatestPercent, LatestStatus, OwnerMemberId,
    LatestReportAtMs, ClosedAtMs)
    WHERE ClosedAtMs IS NULL;
