-- constructs with no direct MySQL equivalent: one action item each
CREATE TABLE dbo.Jobs (JobID int NOT NULL PRIMARY KEY, Name varchar(40) NOT NULL, Runs int NOT NULL);
GO
CREATE PROCEDURE dbo.usp_Jobs @Table sysname, @MinRuns int
AS
BEGIN
    DECLARE @sql nvarchar(400), @n int;
    SET @sql = N'SELECT COUNT(*) FROM ' + QUOTENAME(@Table);
    EXEC (@sql);
    EXEC sp_executesql N'SELECT @c = COUNT(*) FROM dbo.Jobs WHERE Runs >= @m',
         N'@m int, @c int OUTPUT', @m = @MinRuns, @c = @n OUTPUT;
    PRINT 'counted';
    IF @n = 0 GOTO done;
    UPDATE dbo.Jobs SET Runs = Runs + 1;
    WAITFOR TIME '23:00';
    EXEC sp_rename 'dbo.Jobs.Runs', 'RunCount', 'COLUMN';
    EXEC dbo.usp_Other @Job = 1, @Flag = 0;
    EXEC dbo.usp_Other2 1, 0;
done:
    RETURN 1;
END
GO
CREATE FUNCTION dbo.fn_JobsOver (@n int)
RETURNS TABLE
AS
RETURN (SELECT JobID, Name FROM dbo.Jobs WHERE Runs > @n);
GO
CREATE FUNCTION dbo.fn_JobNames ()
RETURNS @r TABLE (Name varchar(40))
AS
BEGIN
    INSERT INTO @r SELECT Name FROM dbo.Jobs;
    RETURN;
END
GO
CREATE FUNCTION dbo.fn_Log (@msg varchar(100))
RETURNS int
AS
BEGIN
    DECLARE @c int;
    SELECT @c = COUNT(*) FROM dbo.Jobs;
    SELECT Name FROM dbo.Jobs;
    RETURN @c;
END
GO
CREATE TRIGGER trg_ddl ON DATABASE FOR CREATE_TABLE
AS
BEGIN
    PRINT 'table created';
END
GO
