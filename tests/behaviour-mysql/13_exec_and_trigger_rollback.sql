-- behaviour: (MySQL) EXEC of a procedure with OUTPUT parameters from another procedure; RAISERROR and ROLLBACK in a trigger
CREATE TABLE dbo.Bins (
    BinID int NOT NULL PRIMARY KEY,
    Qty int NOT NULL
)
GO
INSERT INTO dbo.Bins (BinID, Qty) VALUES (1, 5);
INSERT INTO dbo.Bins (BinID, Qty) VALUES (2, 7);
GO

-- routine: dbo.usp_inc
-- call: CALL usp_inc(41, @b); SELECT @b
-- expect-rows:
-- 42
-- because: @b = @a + 1 goes back through the OUTPUT parameter
CREATE PROCEDURE dbo.usp_inc @a int, @b int OUTPUT
AS
    SET @b = @a + 1
GO

-- routine: dbo.usp_inc_twice
-- call: CALL usp_inc_twice(1, @r); SELECT @r
-- expect-rows:
-- 3
-- because: EXEC ... @t OUTPUT passes the variable by reference: the first call sets @t to 2, the second sets @r to 3
CREATE PROCEDURE dbo.usp_inc_twice @x int, @r int OUTPUT
AS
BEGIN
    DECLARE @t int
    EXEC dbo.usp_inc @x, @t OUTPUT
    EXEC dbo.usp_inc @t, @r OUTPUT
END
GO

-- routine: dbo.trg_bins_no_negative
-- expect-item: SS4226 at 52:1
-- expect-item: SS4229 at 59:9
-- call: UPDATE bins SET qty = qty - 6
-- expect-error: 45000 negative stock
-- because: bin 1 would go to -1: the trigger raises 'negative stock' (severity 16) and rolls the statement's transaction back
-- call: SELECT binid, qty FROM bins ORDER BY 1
-- expect-rows:
-- 1|5
-- 2|7
-- because: the UPDATE was rolled back: no bin changed, not even bin 2
-- call: UPDATE bins SET qty = qty - 5;
--   SELECT binid, qty FROM bins ORDER BY 1
-- expect-rows:
-- 1|0
-- 2|2
-- because: no quantity goes negative: the trigger lets the UPDATE stand
CREATE TRIGGER dbo.trg_bins_no_negative ON dbo.Bins AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON
    IF EXISTS (SELECT * FROM inserted WHERE Qty < 0)
    BEGIN
        RAISERROR(N'negative stock', 16, 1)
        ROLLBACK TRANSACTION
    END
END
GO
