-- cursors, temporary tables, table variables and DML inside procedures
CREATE TABLE dbo.Orders (OrderID int IDENTITY(1,1) PRIMARY KEY, CustomerID int NOT NULL,
                         Amount decimal(10,2) NOT NULL, Status varchar(10) NOT NULL DEFAULT 'new');
GO
CREATE TABLE dbo.Customers (CustomerID int NOT NULL PRIMARY KEY, Name varchar(40) NOT NULL,
                            Total decimal(12,2) NULL);
GO
CREATE PROCEDURE dbo.usp_Totals
AS
BEGIN
    DECLARE @id int, @sum decimal(12,2), @n int = 0;
    DECLARE c CURSOR LOCAL FORWARD_ONLY FOR
        SELECT CustomerID, SUM(Amount) FROM dbo.Orders GROUP BY CustomerID ORDER BY CustomerID;
    OPEN c;
    FETCH NEXT FROM c INTO @id, @sum;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        UPDATE dbo.Customers SET Total = @sum WHERE CustomerID = @id;
        SET @n = @n + @@ROWCOUNT;
        FETCH NEXT FROM c INTO @id, @sum;
    END
    CLOSE c;
    DEALLOCATE c;
    SELECT @n AS updated;
END
GO
CREATE PROCEDURE dbo.usp_Archive @CustomerID int, @NewID int OUTPUT
AS
BEGIN
    DECLARE @done TABLE (OrderID int PRIMARY KEY);
    CREATE TABLE #big (OrderID int NOT NULL, Amount decimal(10,2) NOT NULL);
    INSERT INTO #big (OrderID, Amount)
    SELECT OrderID, Amount FROM dbo.Orders WHERE CustomerID = @CustomerID AND Amount > 100;
    SELECT OrderID INTO #small FROM dbo.Orders WHERE CustomerID = @CustomerID AND Amount <= 100;
    UPDATE o SET Status = 'big' FROM dbo.Orders o JOIN #big b ON b.OrderID = o.OrderID;
    INSERT INTO @done (OrderID) SELECT OrderID FROM #big;
    DELETE o FROM dbo.Orders o JOIN #small s ON s.OrderID = o.OrderID;
    UPDATE TOP (1) dbo.Orders SET Status = 'first' WHERE CustomerID = @CustomerID;
    SELECT b1.OrderID FROM #big b1 WHERE b1.Amount = (SELECT MAX(b2.Amount) FROM #big b2);
    INSERT INTO dbo.Orders (CustomerID, Amount) VALUES (@CustomerID, 0);
    SET @NewID = SCOPE_IDENTITY();
    WAITFOR DELAY '00:00:01.5';
    SELECT COUNT(*) AS done FROM @done;
END
GO
