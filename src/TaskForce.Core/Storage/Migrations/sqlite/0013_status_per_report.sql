-- A task's status is the one its latest progress report gave: a report with a percent and no status no longer
-- keeps the status of an older report (a "60 %" after a "behind" report left the task "behind"). Tasks without a
-- status are already right.
UPDATE Tasks SET LatestStatus = (
    SELECT r.Status FROM Reports r
    WHERE r.TaskId = Tasks.Id AND (r.Percent IS NOT NULL OR r.Status IS NOT NULL)
    ORDER BY r.CreatedAtMs DESC, r.Id DESC
    LIMIT 1)
WHERE LatestStatus IS NOT NULL;
