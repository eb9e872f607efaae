-- Cursors, temporary tables, table variables, table-valued functions
CREATE TABLE dbo.Item (
    ItemID int NOT NULL PRIMARY KEY,
    Name nvarchar(40) NOT NULL,
    Price decimal(10,2) NOT NULL
);
GO
-- the @@FETCH_STATUS loop with an explicit cursor
CREATE PROCEDURE dbo.ListItems @MaxPrice decimal(10,2)
AS
BEGIN
    DECLARE @id int, @name nvarchar(40), @n int = 0;
    DECLARE item_cur CURSOR LOCAL FAST_FORWARD FOR
        SELECT ItemID, Name FROM dbo.Item WHERE Price <= @MaxPrice ORDER BY ItemID;
    OPEN item_cur;
    FETCH NEXT FROM item_cur INTO @id, @name;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @n = @n + 1;
        PRINT CAST(@id AS varchar(10)) + ': ' + @name;
        FETCH NEXT FROM item_cur INTO @id, @name;
    END
    CLOSE item_cur;
    DEALLOCATE item_cur;
    PRINT 'items: ' + CAST(@n AS varchar(10));
END;
GO
-- temporary table, SELECT ... INTO #t, table variable
CREATE PROCEDURE dbo.CheapItems
AS
BEGIN
    CREATE TABLE #cheap (ItemID int NOT NULL, Name nvarchar(40) NULL);
    INSERT INTO #cheap (ItemID, Name) SELECT ItemID, Name FROM dbo.Item WHERE Price < 10;
    SELECT ItemID, Price INTO #prices FROM dbo.Item;
    DECLARE @ids TABLE (ItemID int NOT NULL PRIMARY KEY);
    INSERT INTO @ids (ItemID) SELECT ItemID FROM #cheap;
    UPDATE dbo.Item SET Price = Price * 1.1 WHERE ItemID IN (SELECT ItemID FROM @ids);
    DROP TABLE #cheap;
    WAITFOR DELAY '00:00:00.01';
END;
GO
-- multi-statement table-valued function
CREATE FUNCTION dbo.ItemsUnder(@Price decimal(10,2))
RETURNS @result TABLE (ItemID int NOT NULL, Name nvarchar(40) NULL)
AS
BEGIN
    IF @Price IS NOT NULL
        INSERT INTO @result
            SELECT i.ItemID, i.Name FROM dbo.Item i WHERE i.Price < @Price;
    RETURN;
END;
GO
-- inline table-valued function
CREATE FUNCTION dbo.ItemsNamed(@Name nvarchar(40))
RETURNS TABLE
AS
RETURN (SELECT i.ItemID, i.Name, i.Price FROM dbo.Item AS i WHERE i.Name LIKE @Name + '%');
GO
