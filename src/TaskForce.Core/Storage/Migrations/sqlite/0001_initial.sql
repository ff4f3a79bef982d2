-- Domain schema. Times are UTC Unix milliseconds (INTEGER, suffix Ms); calendar dates are
-- ISO 'yyyy-MM-dd' TEXT in the campaign's local calendar. Lists of names are JSON arrays.

CREATE TABLE Departments (
    Id          INTEGER PRIMARY KEY,
    Key         TEXT NOT NULL UNIQUE,
    Name        TEXT NOT NULL,
    NameEn      TEXT,
    Aliases     TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE Members (
    Id           INTEGER PRIMARY KEY,
    Key          TEXT NOT NULL UNIQUE,
    Name         TEXT NOT NULL,
    NameEn       TEXT,
    Title        TEXT,
    DepartmentId INTEGER REFERENCES Departments(Id),
    Locale       TEXT NOT NULL DEFAULT 'zh-CN',
    TimeZone     TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    Email        TEXT,
    AadObjectId  TEXT,
    Active       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IX_Members_Email ON Members(Email COLLATE NOCASE) WHERE Email IS NOT NULL;
CREATE INDEX IX_Members_AadObjectId ON Members(AadObjectId COLLATE NOCASE) WHERE AadObjectId IS NOT NULL;
CREATE INDEX IX_Members_DepartmentId ON Members(DepartmentId);

CREATE TABLE Campaigns (
    Id               INTEGER PRIMARY KEY,
    Key              TEXT NOT NULL UNIQUE,
    Name             TEXT NOT NULL,
    NameEn           TEXT,
    Aliases          TEXT NOT NULL DEFAULT '[]',
    LeadDepartmentId INTEGER REFERENCES Departments(Id)
);

CREATE TABLE Battles (
    Id             INTEGER PRIMARY KEY,
    CampaignId     INTEGER NOT NULL REFERENCES Campaigns(Id),
    Key            TEXT NOT NULL,
    Name           TEXT NOT NULL,
    NameEn         TEXT,
    LeaderMemberId INTEGER REFERENCES Members(Id),
    UNIQUE (CampaignId, Key)
);

-- A role is held in one campaign (CampaignId set) or city-wide (CampaignId NULL: supervisors, admins).
CREATE TABLE MemberRoles (
    Id         INTEGER PRIMARY KEY,
    MemberId   INTEGER NOT NULL REFERENCES Members(Id) ON DELETE CASCADE,
    Role       TEXT NOT NULL CHECK (Role IN ('staff', 'team_lead', 'commander', 'city_leader', 'supervisor', 'admin')),
    CampaignId INTEGER REFERENCES Campaigns(Id)
);
CREATE UNIQUE INDEX UX_MemberRoles ON MemberRoles(MemberId, Role, IFNULL(CampaignId, 0));
CREATE INDEX IX_MemberRoles_Campaign ON MemberRoles(CampaignId, Role);

-- Chat accounts linked to a member: one row per (channel, user id).
CREATE TABLE MemberAccounts (
    Id          INTEGER PRIMARY KEY,
    MemberId    INTEGER NOT NULL REFERENCES Members(Id) ON DELETE CASCADE,
    ChannelId   TEXT NOT NULL,
    UserId      TEXT NOT NULL,
    AadObjectId TEXT,
    LinkedAtMs  INTEGER NOT NULL,
    LinkedBy    TEXT NOT NULL,
    UNIQUE (ChannelId, UserId)
);
CREATE INDEX IX_MemberAccounts_MemberId ON MemberAccounts(MemberId);

-- One-time link codes; only a hash of the code is stored.
CREATE TABLE LinkCodes (
    CodeHash    TEXT PRIMARY KEY,
    MemberId    INTEGER NOT NULL REFERENCES Members(Id) ON DELETE CASCADE,
    CreatedAtMs INTEGER NOT NULL,
    ExpiresAtMs INTEGER NOT NULL,
    UsedAtMs    INTEGER
);
CREATE INDEX IX_LinkCodes_MemberId ON LinkCodes(MemberId);

CREATE TABLE LinkAttempts (
    Id        INTEGER PRIMARY KEY,
    ChannelId TEXT NOT NULL,
    UserId    TEXT NOT NULL,
    AtMs      INTEGER NOT NULL,
    Succeeded INTEGER NOT NULL
);
CREATE INDEX IX_LinkAttempts_User ON LinkAttempts(ChannelId, UserId, AtMs);

CREATE TABLE Tasks (
    Id                 INTEGER PRIMARY KEY,
    CampaignId         INTEGER NOT NULL REFERENCES Campaigns(Id),
    BattleId           INTEGER REFERENCES Battles(Id),
    Key                TEXT NOT NULL UNIQUE,
    Title              TEXT NOT NULL,
    TitleEn            TEXT,
    Aliases            TEXT NOT NULL DEFAULT '[]',
    OwnerMemberId      INTEGER NOT NULL REFERENCES Members(Id),
    DepartmentId       INTEGER NOT NULL REFERENCES Departments(Id),
    StartDate          TEXT NOT NULL,
    Deadline           TEXT NOT NULL,
    KeySupervision     INTEGER NOT NULL DEFAULT 0,
    ClosedAtMs         INTEGER,
    ClosedByMemberId   INTEGER REFERENCES Members(Id),
    -- the latest report, kept here so summaries never scan the report history
    LatestPercent      INTEGER,
    LatestStatus       TEXT,
    LatestReportId     INTEGER,
    LatestReportAtMs   INTEGER,
    CHECK (Deadline >= StartDate),
    CHECK (LatestPercent IS NULL OR LatestPercent BETWEEN 0 AND 100)
);
CREATE INDEX IX_Tasks_Campaign ON Tasks(CampaignId, Deadline);
CREATE INDEX IX_Tasks_Owner ON Tasks(OwnerMemberId, Deadline);
CREATE INDEX IX_Tasks_Department ON Tasks(DepartmentId, Deadline);
CREATE INDEX IX_Tasks_Deadline ON Tasks(Deadline) WHERE ClosedAtMs IS NULL;

CREATE TABLE TaskSupportDepartments (
    TaskId       INTEGER NOT NULL REFERENCES Tasks(Id) ON DELETE CASCADE,
    DepartmentId INTEGER NOT NULL REFERENCES Departments(Id),
    PRIMARY KEY (TaskId, DepartmentId)
);
CREATE INDEX IX_TaskSupportDepartments_Department ON TaskSupportDepartments(DepartmentId);

CREATE TABLE Milestones (
    Id       INTEGER PRIMARY KEY,
    TaskId   INTEGER NOT NULL REFERENCES Tasks(Id) ON DELETE CASCADE,
    Ordinal  INTEGER NOT NULL,
    Title    TEXT NOT NULL,
    TitleEn  TEXT,
    DueDate  TEXT NOT NULL,
    DoneDate TEXT,
    UNIQUE (TaskId, Ordinal)
);
CREATE INDEX IX_Milestones_DueDate ON Milestones(DueDate);

CREATE TABLE Reports (
    Id               INTEGER PRIMARY KEY,
    TaskId           INTEGER NOT NULL REFERENCES Tasks(Id),
    ReporterMemberId INTEGER NOT NULL REFERENCES Members(Id),
    Percent          INTEGER CHECK (Percent IS NULL OR Percent BETWEEN 0 AND 100),
    Status           TEXT CHECK (Status IS NULL OR Status IN ('not_started', 'in_progress', 'on_track', 'behind', 'done')),
    Text             TEXT NOT NULL DEFAULT '',
    ChannelId        TEXT,
    ActivityId       TEXT,
    CreatedAtMs      INTEGER NOT NULL,
    AmendedAtMs      INTEGER
);
CREATE INDEX IX_Reports_Task ON Reports(TaskId, CreatedAtMs);
CREATE INDEX IX_Reports_Reporter ON Reports(ReporterMemberId, CreatedAtMs);
CREATE INDEX IX_Reports_CreatedAt ON Reports(CreatedAtMs);
CREATE UNIQUE INDEX UX_Reports_Activity ON Reports(ChannelId, ActivityId) WHERE ActivityId IS NOT NULL;

-- Level: 0 team lead, 1 commander, 2 lead city leader (顶格协调).
CREATE TABLE Blockers (
    Id                     INTEGER PRIMARY KEY,
    TaskId                 INTEGER NOT NULL REFERENCES Tasks(Id),
    RaisedByMemberId       INTEGER NOT NULL REFERENCES Members(Id),
    Text                   TEXT NOT NULL,
    Category               TEXT,
    Severity               TEXT NOT NULL CHECK (Severity IN ('low', 'medium', 'high', 'critical')),
    Level                  INTEGER NOT NULL DEFAULT 0 CHECK (Level BETWEEN 0 AND 2),
    OwnerMemberId          INTEGER REFERENCES Members(Id),
    State                  TEXT NOT NULL DEFAULT 'open' CHECK (State IN ('open', 'acknowledged', 'resolved', 'closed')),
    RaisedAtMs             INTEGER NOT NULL,
    LevelSinceMs           INTEGER NOT NULL,
    AcknowledgedAtMs       INTEGER,
    AcknowledgedByMemberId INTEGER REFERENCES Members(Id),
    ResolvedAtMs           INTEGER,
    ResolvedByMemberId     INTEGER REFERENCES Members(Id),
    ResolutionNote         TEXT,
    ClosedAtMs             INTEGER,
    ClosedByMemberId       INTEGER REFERENCES Members(Id)
);
CREATE INDEX IX_Blockers_Task ON Blockers(TaskId, State);
CREATE INDEX IX_Blockers_Open ON Blockers(State, LevelSinceMs) WHERE State IN ('open', 'acknowledged');
CREATE INDEX IX_Blockers_Owner ON Blockers(OwnerMemberId, State);
CREATE INDEX IX_Blockers_RaisedBy ON Blockers(RaisedByMemberId, RaisedAtMs);

CREATE TABLE BlockerDepartments (
    BlockerId    INTEGER NOT NULL REFERENCES Blockers(Id) ON DELETE CASCADE,
    DepartmentId INTEGER NOT NULL REFERENCES Departments(Id),
    PRIMARY KEY (BlockerId, DepartmentId)
);

CREATE TABLE BlockerEvents (
    Id            INTEGER PRIMARY KEY,
    BlockerId     INTEGER NOT NULL REFERENCES Blockers(Id) ON DELETE CASCADE,
    Kind          TEXT NOT NULL,
    ActorMemberId INTEGER REFERENCES Members(Id),
    FromLevel     INTEGER,
    ToLevel       INTEGER,
    Note          TEXT,
    AtMs          INTEGER NOT NULL
);
CREATE INDEX IX_BlockerEvents_Blocker ON BlockerEvents(BlockerId, AtMs);

-- StartLocal is the first occurrence as local wall time 'yyyy-MM-ddTHH:mm' in TimeZone (iCalendar DTSTART;TZID=).
CREATE TABLE Meetings (
    Id              INTEGER PRIMARY KEY,
    CampaignId      INTEGER NOT NULL REFERENCES Campaigns(Id),
    Key             TEXT NOT NULL UNIQUE,
    Title           TEXT NOT NULL,
    TitleEn         TEXT,
    RRule           TEXT NOT NULL,
    StartLocal      TEXT NOT NULL,
    TimeZone        TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    DurationMinutes INTEGER NOT NULL CHECK (DurationMinutes > 0),
    Location        TEXT,
    HolidayPolicy   TEXT NOT NULL DEFAULT 'skip' CHECK (HolidayPolicy IN ('skip', 'next_workday', 'keep')),
    ReminderOffsets TEXT NOT NULL DEFAULT '[1440,30]',
    CancelledAtMs   INTEGER,
    Version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IX_Meetings_Campaign ON Meetings(CampaignId);

-- Attendees by member (MemberId) or by role within the meeting's campaign (Role).
CREATE TABLE MeetingAttendees (
    Id        INTEGER PRIMARY KEY,
    MeetingId INTEGER NOT NULL REFERENCES Meetings(Id) ON DELETE CASCADE,
    MemberId  INTEGER REFERENCES Members(Id),
    Role      TEXT CHECK (Role IS NULL OR Role IN ('staff', 'team_lead', 'commander', 'city_leader', 'supervisor', 'admin')),
    CHECK ((MemberId IS NULL) <> (Role IS NULL))
);
CREATE UNIQUE INDEX UX_MeetingAttendees ON MeetingAttendees(MeetingId, IFNULL(MemberId, 0), IFNULL(Role, ''));

-- 议定事项: items decided at one occurrence of a meeting.
CREATE TABLE MeetingDecisions (
    Id                INTEGER PRIMARY KEY,
    MeetingId         INTEGER NOT NULL REFERENCES Meetings(Id) ON DELETE CASCADE,
    OccurrenceStartMs INTEGER NOT NULL,
    Text              TEXT NOT NULL,
    OwnerMemberId     INTEGER REFERENCES Members(Id),
    DueDate           TEXT,
    DoneAtMs          INTEGER,
    CreatedAtMs       INTEGER NOT NULL
);
CREATE INDEX IX_MeetingDecisions_Meeting ON MeetingDecisions(MeetingId, OccurrenceStartMs);

-- Working calendar exceptions: statutory holidays and make-up workdays (调休).
CREATE TABLE CalendarDays (
    Date TEXT PRIMARY KEY,
    Kind TEXT NOT NULL CHECK (Kind IN ('holiday', 'workday')),
    Name TEXT NOT NULL
);

CREATE TABLE Outbox (
    Id                INTEGER PRIMARY KEY,
    Kind              TEXT NOT NULL,
    IdempotencyKey    TEXT NOT NULL UNIQUE,
    DueAtMs           INTEGER NOT NULL,
    NotAfterMs        INTEGER,
    RecipientMemberId INTEGER REFERENCES Members(Id),
    MeetingId         INTEGER REFERENCES Meetings(Id),
    BlockerId         INTEGER REFERENCES Blockers(Id),
    Payload           TEXT NOT NULL DEFAULT '{}',
    State             TEXT NOT NULL DEFAULT 'pending' CHECK (State IN ('pending', 'retrying', 'sent', 'failed', 'skipped', 'voided', 'digested')),
    Attempts          INTEGER NOT NULL DEFAULT 0,
    NextAttemptAtMs   INTEGER NOT NULL,
    LeaseUntilMs      INTEGER NOT NULL DEFAULT 0,
    LeaseOwner        TEXT,
    LastError         TEXT,
    Critical          INTEGER NOT NULL DEFAULT 0,
    CreatedAtMs       INTEGER NOT NULL,
    CompletedAtMs     INTEGER
);
CREATE INDEX IX_Outbox_Due ON Outbox(NextAttemptAtMs) WHERE State IN ('pending', 'retrying');
CREATE INDEX IX_Outbox_Meeting ON Outbox(MeetingId, State);
CREATE INDEX IX_Outbox_Recipient ON Outbox(RecipientMemberId, CompletedAtMs);
CREATE INDEX IX_Outbox_State ON Outbox(State, CreatedAtMs);

-- Conversation references from validated activities; the 1:1 one of a member is used for proactive messages.
CREATE TABLE ConversationReferences (
    Id               INTEGER PRIMARY KEY,
    ChannelId        TEXT NOT NULL,
    ConversationId   TEXT NOT NULL,
    UserId           TEXT NOT NULL,
    MemberId         INTEGER REFERENCES Members(Id),
    ServiceUrl       TEXT NOT NULL,
    TenantId         TEXT,
    ConversationType TEXT,
    Locale           TEXT,
    TimeZone         TEXT,
    Reference        TEXT NOT NULL,
    UpdatedAtMs      INTEGER NOT NULL,
    DeadAtMs         INTEGER,
    DeadReason       TEXT,
    UNIQUE (ChannelId, ConversationId, UserId)
);
CREATE INDEX IX_ConversationReferences_Member ON ConversationReferences(MemberId, UpdatedAtMs);

-- Dialog stack per conversation and user, with a version for optimistic concurrency.
CREATE TABLE ConversationStates (
    ChannelId      TEXT NOT NULL,
    ConversationId TEXT NOT NULL,
    UserId         TEXT NOT NULL,
    State          TEXT NOT NULL,
    Version        INTEGER NOT NULL,
    UpdatedAtMs    INTEGER NOT NULL,
    PRIMARY KEY (ChannelId, ConversationId, UserId)
);

CREATE TABLE ProcessedActivities (
    ChannelId      TEXT NOT NULL,
    ConversationId TEXT NOT NULL,
    ActivityId     TEXT NOT NULL,
    ProcessedAtMs  INTEGER NOT NULL,
    PRIMARY KEY (ChannelId, ConversationId, ActivityId)
) WITHOUT ROWID;
CREATE INDEX IX_ProcessedActivities_At ON ProcessedActivities(ProcessedAtMs);

CREATE TABLE AuditLog (
    Id       INTEGER PRIMARY KEY,
    AtMs     INTEGER NOT NULL,
    Actor    TEXT NOT NULL,
    Action   TEXT NOT NULL,
    Entity   TEXT NOT NULL,
    EntityId TEXT,
    Before   TEXT,
    After    TEXT
);
CREATE INDEX IX_AuditLog_Entity ON AuditLog(Entity, EntityId, AtMs);
CREATE INDEX IX_AuditLog_At ON AuditLog(AtMs);
