-- behaviour: NULLs in ORDER BY sort first ascending and last descending in T-SQL (lowest values); PostgreSQL sorts them as the highest unless told
CREATE TABLE dbo.Tasks (
    TaskID int NOT NULL PRIMARY KEY,
    Title varchar(20) NOT NULL,
    DueDay int NULL
)
GO
INSERT INTO dbo.Tasks VALUES (1, 'write', 3);
INSERT INTO dbo.Tasks VALUES (2, 'review', NULL);
INSERT INTO dbo.Tasks VALUES (3, 'test', 1);
INSERT INTO dbo.Tasks VALUES (4, 'ship', NULL);
GO

-- routine: TasksByDue
-- expect-item: SS4135 at 23:1
-- call: SELECT * FROM tasksbydue()
-- expect-rows:
-- 2|review|(null)
-- 4|ship|(null)
-- 3|test|1
-- 1|write|3
-- because: ORDER BY DueDay, TaskID: T-SQL puts the NULL due days first in ascending order
CREATE PROCEDURE dbo.TasksByDue AS
    SELECT TaskID, Title, DueDay FROM dbo.Tasks ORDER BY DueDay, TaskID;
GO

-- routine: LatestFirst
-- expect-item: SS4135 at 36:1
-- call: SELECT * FROM latestfirst()
-- expect-rows:
-- 1|write|1
-- 3|test|2
-- 2|review|3
-- 4|ship|4
-- because: ORDER BY DueDay DESC puts NULLs last in T-SQL; ROW_NUMBER over the same order numbers them last too
CREATE PROCEDURE dbo.LatestFirst AS
    SELECT TaskID, Title, ROW_NUMBER() OVER (ORDER BY DueDay DESC, TaskID) AS Pos
    FROM dbo.Tasks ORDER BY Pos;
GO
