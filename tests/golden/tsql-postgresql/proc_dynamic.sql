-- Dynamic SQL: sp_executesql with parameters, EXEC (string)
CREATE TABLE dbo.Item (ItemID int PRIMARY KEY, Name nvarchar(40) NOT NULL);
GO
CREATE PROCEDURE dbo.Dyn @id int, @name nvarchar(40)
AS
BEGIN
    DECLARE @sql nvarchar(400) = N'INSERT INTO Item (ItemID, Name) VALUES (@i, @n)';
    EXEC sp_executesql @sql, N'@i int, @n nvarchar(40)', @i = @id, @n = @name;
    EXEC sp_executesql N'UPDATE item SET name = upper(name) WHERE itemid = @i', N'@i int', @id;
END
GO
-- the text keeps T-SQL brackets: reported with its location
CREATE PROCEDURE dbo.DynDelete @id int
AS
    EXEC ('DELETE FROM [dbo].[Item] WHERE ItemID = ' + CAST(@id AS varchar(10)));
GO
