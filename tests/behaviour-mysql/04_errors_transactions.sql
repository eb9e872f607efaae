-- behaviour: (MySQL) errors and transactions: RAISERROR, THROW, TRY/CATCH with ERROR_MESSAGE(), COMMIT/ROLLBACK
CREATE TABLE dbo.Ledger (
    ID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Account nvarchar(10) NOT NULL,
    Amount int NOT NULL CHECK (Amount <> 0)
)
GO
CREATE TABLE dbo.ErrorLog (
    ID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Msg nvarchar(400) NOT NULL
)
GO

-- routine: dbo.usp_check_amount
-- expect-item: SS4243 at 26:9
-- call: CALL usp_check_amount(5)
-- expect-no-rows:
-- because: no error for a positive amount
-- call: CALL usp_check_amount(-5)
-- expect-error: 45000 Amount must not be negative: -5
-- because: RAISERROR with severity 16 ends the call with an error to the caller; %d takes the argument
CREATE PROCEDURE dbo.usp_check_amount @amount int
AS
BEGIN
    IF @amount < 0
        RAISERROR(N'Amount must not be negative: %d', 16, 1, @amount)
END
GO

-- routine: dbo.usp_always_fails
-- call: CALL usp_always_fails()
-- expect-error: 45000 Custom failure
-- because: THROW raises a user error with that message (T-SQL error 50001, state 1)
CREATE PROCEDURE dbo.usp_always_fails
AS
BEGIN
    THROW 50001, N'Custom failure', 1;
END
GO

-- routine: dbo.usp_safe_insert
-- call: CALL usp_safe_insert(N'A', 10, @r); SELECT @r
-- expect-rows:
-- ok
-- because: no error: the TRY block runs to its end
-- call: CALL usp_safe_insert(N'B', 0, @r); SELECT @r
-- expect-rows:
-- failed: zero amount for B
-- because: RAISERROR severity 16 in TRY jumps to CATCH, where ERROR_MESSAGE() is the raised text
-- call: SELECT msg FROM errorlog ORDER BY id
-- expect-rows:
-- failed: zero amount for B
-- because: the CATCH block logged the message
-- call: SELECT account, amount FROM ledger ORDER BY id
-- expect-rows:
-- A|10
-- because: the failed call inserted nothing
CREATE PROCEDURE dbo.usp_safe_insert @account nvarchar(10), @amount int, @result nvarchar(200) OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRY
        IF @amount = 0
            RAISERROR(N'zero amount for %s', 16, 1, @account)
        INSERT INTO dbo.Ledger (Account, Amount) VALUES (@account, @amount)
        SET @result = N'ok'
    END TRY
    BEGIN CATCH
        SET @result = N'failed: ' + ERROR_MESSAGE()
        INSERT INTO dbo.ErrorLog (Msg) VALUES (@result)
    END CATCH
END
GO

-- routine: dbo.usp_transfer
-- expect-item: SS4209 at 103:12
-- call: CALL usp_transfer(N'A', N'C', 5, @s); SELECT @s
-- expect-rows:
-- committed
-- because: both INSERTs succeed and COMMIT TRANSACTION makes them durable
-- call: CALL usp_transfer(N'A', N'C', 0, @s); SELECT @s
-- expect-rows:
-- rolled back
-- because: the CHECK (Amount <> 0) fails on the first INSERT: CATCH runs with @@TRANCOUNT 1 and rolls back
-- call: SELECT account, amount FROM ledger ORDER BY id
-- expect-rows:
-- A|10
-- A|-5
-- C|5
-- because: the first transfer is committed, the second left nothing
CREATE PROCEDURE dbo.usp_transfer @from nvarchar(10), @to nvarchar(10), @amount int, @status nvarchar(20) OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    BEGIN TRY
        BEGIN TRANSACTION
        INSERT INTO dbo.Ledger (Account, Amount) VALUES (@from, -@amount)
        INSERT INTO dbo.Ledger (Account, Amount) VALUES (@to, @amount)
        COMMIT TRANSACTION
        SET @status = N'committed'
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION
        SET @status = N'rolled back'
    END CATCH
END
GO
