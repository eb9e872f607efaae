-- TRY/CATCH, RAISERROR/THROW and transactions to MySQL 8
CREATE TABLE dbo.Accounts (AccountID int NOT NULL PRIMARY KEY, Balance decimal(12,2) NOT NULL);
GO
CREATE TABLE dbo.ErrorLog (ErrNo int NULL, Msg nvarchar(400) NULL);
GO
CREATE PROCEDURE dbo.usp_Withdraw @AccountID int, @Amount decimal(12,2)
AS
BEGIN
    DECLARE @bal decimal(12,2);
    IF @Amount <= 0
        RAISERROR('Amount must be positive, got %s for account %d', 16, 1, @Amount, @AccountID);
    IF @Amount > 1000
        RAISERROR('Large withdrawal from %d', 10, 1, @AccountID) WITH NOWAIT;
    SELECT @bal = Balance FROM dbo.Accounts WHERE AccountID = @AccountID;
    IF @bal IS NULL
        THROW 50010, 'No such account', 1;
    UPDATE dbo.Accounts SET Balance = Balance - @Amount WHERE AccountID = @AccountID;
END
GO
CREATE PROCEDURE dbo.usp_SafeWithdraw @AccountID int, @Amount decimal(12,2), @Status int OUTPUT
AS
BEGIN
    SET XACT_ABORT ON;
    BEGIN TRY
        BEGIN TRANSACTION;
        SAVE TRANSACTION before_withdraw;
        EXEC dbo.usp_Withdraw @AccountID, @Amount;
        IF (SELECT Balance FROM dbo.Accounts WHERE AccountID = @AccountID) < 0
            ROLLBACK TRANSACTION before_withdraw;
        COMMIT TRANSACTION;
        SET @Status = 0;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        INSERT INTO dbo.ErrorLog (ErrNo, Msg) VALUES (ERROR_NUMBER(), ERROR_MESSAGE());
        SET @Status = ERROR_NUMBER();
        IF ERROR_SEVERITY() > 10
            RETURN;
        THROW;
    END CATCH
    SET @Status = -1;
END
GO
CREATE FUNCTION dbo.fn_Check (@v int)
RETURNS int
AS
BEGIN
    RETURN CASE WHEN @v > 0 THEN @v ELSE 0 END;
END
GO
