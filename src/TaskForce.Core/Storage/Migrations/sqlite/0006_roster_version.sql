-- One counter that moves whenever roster data changes, whichever process changes it (the admin import runs as
-- its own process): members with their roles and chat accounts, campaigns, departments, and the tasks' names,
-- owners, dates and closing — not a task's latest report, which changes with every report. The bot keeps that
-- data in memory for one value of the counter and reads it again once the counter has moved.
CREATE TABLE RosterVersion (
    Id      INTEGER PRIMARY KEY CHECK (Id = 1),
    Version INTEGER NOT NULL
);
INSERT INTO RosterVersion (Id, Version) VALUES (1, 0);

CREATE TRIGGER TR_Members_RosterInsert AFTER INSERT ON Members
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Members_RosterUpdate AFTER UPDATE ON Members
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Members_RosterDelete AFTER DELETE ON Members
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;

CREATE TRIGGER TR_MemberRoles_RosterInsert AFTER INSERT ON MemberRoles
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_MemberRoles_RosterUpdate AFTER UPDATE ON MemberRoles
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_MemberRoles_RosterDelete AFTER DELETE ON MemberRoles
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;

CREATE TRIGGER TR_MemberAccounts_RosterInsert AFTER INSERT ON MemberAccounts
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_MemberAccounts_RosterUpdate AFTER UPDATE ON MemberAccounts
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_MemberAccounts_RosterDelete AFTER DELETE ON MemberAccounts
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;

CREATE TRIGGER TR_Campaigns_RosterInsert AFTER INSERT ON Campaigns
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Campaigns_RosterUpdate AFTER UPDATE ON Campaigns
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Campaigns_RosterDelete AFTER DELETE ON Campaigns
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;

CREATE TRIGGER TR_Departments_RosterInsert AFTER INSERT ON Departments
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Departments_RosterUpdate AFTER UPDATE ON Departments
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Departments_RosterDelete AFTER DELETE ON Departments
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;

CREATE TRIGGER TR_Tasks_RosterInsert AFTER INSERT ON Tasks
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Tasks_RosterUpdate AFTER UPDATE OF CampaignId, BattleId, Key, Title, TitleEn, Aliases, OwnerMemberId, DepartmentId, StartDate, Deadline, KeySupervision, ClosedAtMs, ClosedByMemberId ON Tasks
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
CREATE TRIGGER TR_Tasks_RosterDelete AFTER DELETE ON Tasks
BEGIN UPDATE RosterVersion SET Version = Version + 1 WHERE Id = 1; END;
