-- Cancelling meetings (issue #5). CancelledBy says who cancelled a whole meeting: 'roster' (the file's
-- `cancelled: true`, which a later import may clear) or 'cli' (`meetings cancel`, which imports leave alone).
-- A NULL with CancelledAtMs set (cancelled before this migration) counts as not the roster's.
ALTER TABLE Meetings ADD COLUMN CancelledBy TEXT CHECK (CancelledBy IN ('roster', 'cli'));

-- Occurrences that do not take place (iCalendar EXDATE): the local date of the occurrence as its RRULE places
-- it, before any holiday move. Source works like CancelledBy: an import replaces only the roster's rows.
CREATE TABLE MeetingExceptions (
    MeetingId   INTEGER NOT NULL REFERENCES Meetings(Id) ON DELETE CASCADE,
    LocalDate   TEXT NOT NULL,
    Source      TEXT NOT NULL CHECK (Source IN ('roster', 'cli')),
    CreatedAtMs INTEGER NOT NULL,
    PRIMARY KEY (MeetingId, LocalDate)
) WITHOUT ROWID;
