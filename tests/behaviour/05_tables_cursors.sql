-- behaviour: multi-statement table-valued function, temporary tables, table variables, cursors with @@FETCH_STATUS
-- #big and @t are created when the procedures run: plpgsql_check sees them because tests/lib/plcheck.sh creates them first from the CREATE TEMPORARY TABLEs of the bodies
CREATE TABLE dbo.Orders (
    OrderID int NOT NULL PRIMARY KEY,
    CustomerID nchar(5) NOT NULL,
    Qty int NULL
)
GO
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (1, N'ALFKI', 3);
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (2, N'ALFKI', NULL);
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (3, N'BONAP', 4);
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (4, N'ALFKI', 10);
GO

-- routine: dbo.fn_squares
-- kept: SS4002 at 28:1
-- expect-item: SS4137 at 35:9
-- call: SELECT * FROM fn_squares(3) ORDER BY 1
-- expect-rows:
-- 1|1
-- 2|4
-- 3|9
-- because: the WHILE loop inserts one row per i into the returned table variable
-- call: SELECT count(*) FROM fn_squares(0)
-- expect-rows:
-- 0
-- because: the loop body never runs: RETURN gives the empty table
CREATE FUNCTION dbo.fn_squares (@n int)
RETURNS @r TABLE (i int NOT NULL, sq int NOT NULL)
AS
BEGIN
    DECLARE @i int = 1
    WHILE @i <= @n
    BEGIN
        INSERT INTO @r (i, sq) VALUES (@i, @i * @i)
        SET @i += 1
    END
    RETURN
END
GO

-- routine: dbo.usp_cursor_total
-- call: CALL usp_cursor_total(N'ALFKI', NULL, NULL)
-- expect-rows:
-- 13|3
-- because: the FETCH loop runs while @@FETCH_STATUS = 0: three rows fetched, the NULL quantity skipped (3 + 10)
-- call: CALL usp_cursor_total(N'NOONE', NULL, NULL)
-- expect-rows:
-- 0|0
-- because: the first FETCH finds nothing (@@FETCH_STATUS -1): the loop body never runs
CREATE PROCEDURE dbo.usp_cursor_total @customer nchar(5), @total int OUTPUT, @fetched int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    DECLARE @q int
    SET @total = 0
    SET @fetched = 0
    DECLARE c CURSOR LOCAL FAST_FORWARD FOR
        SELECT Qty FROM dbo.Orders WHERE CustomerID = @customer ORDER BY OrderID
    OPEN c
    FETCH NEXT FROM c INTO @q
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @fetched = @fetched + 1
        IF @q IS NOT NULL
            SET @total = @total + @q
        FETCH NEXT FROM c INTO @q
    END
    CLOSE c
    DEALLOCATE c
END
GO

-- routine: dbo.usp_temp_table_count
-- call: CALL usp_temp_table_count(2, NULL)
-- expect-rows:
-- 2
-- because: #big holds the orders with Qty >= 2 and a quantity (1, 3, 4); the second DELETE removes order 1 (Qty 3 < 4): 2 rows left
-- call: CALL usp_temp_table_count(2, NULL)
-- expect-rows:
-- 2
-- because: a #temp table created in a procedure is dropped when it ends: the second call starts afresh
CREATE PROCEDURE dbo.usp_temp_table_count @min int, @left int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    CREATE TABLE #big (OrderID int NOT NULL, Qty int NOT NULL)
    INSERT INTO #big (OrderID, Qty)
        SELECT OrderID, Qty FROM dbo.Orders WHERE Qty >= @min
    DELETE FROM #big WHERE Qty < 4
    SELECT @left = COUNT(*) FROM #big
END
GO

-- routine: dbo.usp_table_variable
-- call: CALL usp_table_variable(NULL, NULL)
-- expect-rows:
-- 2|4
-- because: @t gets one row per customer (ALFKI, BONAP); the largest order count is ALFKI's 3 orders plus 1
CREATE PROCEDURE dbo.usp_table_variable @customers int OUTPUT, @most int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    DECLARE @t TABLE (CustomerID nchar(5) NOT NULL, N int NOT NULL)
    INSERT INTO @t (CustomerID, N)
        SELECT CustomerID, COUNT(*) FROM dbo.Orders GROUP BY CustomerID
    UPDATE @t SET N = N + 1
    SELECT @customers = COUNT(*), @most = MAX(N) FROM @t
END
GO
