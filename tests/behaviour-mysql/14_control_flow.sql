-- behaviour: (MySQL) control flow the MySQL form needs help with: BREAK/CONTINUE/RETURN inside CATCH, EXEC with named arguments and defaults, RAISERROR format arguments, WAITFOR DELAY
CREATE TABLE dbo.Steps (
    ID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Note nvarchar(40) NOT NULL
)
GO

-- routine: dbo.usp_until_error
-- call: CALL usp_until_error(10, @n); SELECT @n
-- expect-rows:
-- 4
-- because: the 4th pass divides by zero (10 / (4 - 4)): CATCH runs BREAK, which leaves the WHILE loop; @n counts the passes started
-- call: CALL usp_until_error(2, @n); SELECT @n
-- expect-rows:
-- 2
-- because: two passes, no error: the loop ends by its condition
CREATE PROCEDURE dbo.usp_until_error @max int, @n int OUTPUT
AS
BEGIN
    DECLARE @x int
    SET @n = 0
    WHILE @n < @max
    BEGIN
        SET @n = @n + 1
        BEGIN TRY
            SET @x = 10 / (4 - @n)
        END TRY
        BEGIN CATCH
            BREAK
        END CATCH
    END
END
GO

-- routine: dbo.usp_skip_errors
-- call: CALL usp_skip_errors(6, @ok); SELECT @ok
-- expect-rows:
-- 5
-- because: pass 3 divides by zero (12 / (3 - 3)): CATCH runs CONTINUE, which goes on with pass 4; the 5 other passes count
CREATE PROCEDURE dbo.usp_skip_errors @max int, @ok int OUTPUT
AS
BEGIN
    DECLARE @i int = 0, @x int
    SET @ok = 0
    WHILE @i < @max
    BEGIN
        SET @i = @i + 1
        BEGIN TRY
            SET @x = 12 / (3 - @i)
        END TRY
        BEGIN CATCH
            CONTINUE
        END CATCH
        SET @ok = @ok + 1
    END
END
GO

-- routine: dbo.usp_log_step
-- call: CALL usp_log_step(N'first', @r); SELECT @r
-- expect-rows:
-- logged
-- because: the INSERT succeeds; the statement after END CATCH sets @r
-- call: CALL usp_log_step(NULL, @r); SELECT @r
-- expect-rows:
-- failed
-- because: Note is NOT NULL: the INSERT fails, CATCH sets @r and RETURN ends the procedure before the last SET
-- call: SELECT note FROM steps ORDER BY id
-- expect-rows:
-- first
-- because: only the first call inserted a row
CREATE PROCEDURE dbo.usp_log_step @note nvarchar(40), @result nvarchar(20) OUTPUT
AS
BEGIN
    BEGIN TRY
        INSERT INTO dbo.Steps (Note) VALUES (@note)
    END TRY
    BEGIN CATCH
        SET @result = N'failed'
        RETURN
    END CATCH
    SET @result = N'logged'
END
GO

-- routine: dbo.usp_scale
-- expect-item: SS4200 at 93:50
-- expect-item: SS4200 at 93:67
-- call: CALL usp_scale(7, 2, 1, @r); SELECT @r
-- expect-rows:
-- 4
-- because: integer division truncates: 7 / 2 = 3, plus the offset 1
CREATE PROCEDURE dbo.usp_scale @v int, @by int = 2, @offset int = 0, @r int OUTPUT
AS
BEGIN
    SET @r = @v / @by + @offset
END
GO

-- routine: dbo.usp_scale_caller
-- call: CALL usp_scale_caller(@a, @b); SELECT @a, @b
-- expect-rows:
-- 5|11
-- because: named arguments in any order, the others take their defaults: 10 / 2 + 0 = 5; 21 / 2 + 1 = 11
CREATE PROCEDURE dbo.usp_scale_caller @a int OUTPUT, @b int OUTPUT
AS
BEGIN
    EXEC dbo.usp_scale @r = @a OUTPUT, @v = 10
    EXEC dbo.usp_scale 21, @offset = 1, @r = @b OUTPUT
END
GO

-- routine: dbo.usp_check_range
-- call: CALL usp_check_range(5, 1, 3)
-- expect-error: 45000 Value 5 is outside 1..3 (null: (null))
-- because: RAISERROR formats the message from its arguments: %d takes the numbers, %s of NULL prints (null)
-- call: CALL usp_check_range(2, 1, 3)
-- expect-no-rows:
-- because: within the range: no error; WAITFOR DELAY only waits
CREATE PROCEDURE dbo.usp_check_range @v int, @lo int, @hi int
AS
BEGIN
    DECLARE @none nvarchar(10)
    IF @v < @lo OR @v > @hi
    BEGIN
        RAISERROR(N'Value %d is outside %d..%d (null: %s)', 16, 1, @v, @lo, @hi, @none)
        RETURN
    END
    WAITFOR DELAY '00:00:00.05'
END
GO
