-- T-SQL procedures and scalar functions to MySQL 8: parameters, variables,
-- control flow, result sets, calls
CREATE TABLE dbo.Products (ProductID int NOT NULL PRIMARY KEY, Name nvarchar(40) NOT NULL,
                           Price money NOT NULL, Stock int NOT NULL, Discontinued bit NOT NULL DEFAULT 0);
GO
-- no SQL: DETERMINISTIC NO SQL
CREATE FUNCTION dbo.fn_Clamp (@v int, @lo int, @hi int)
RETURNS int
AS
BEGIN
    IF @v < @lo RETURN @lo;
    IF @v > @hi RETURN @hi;
    RETURN @v;
END
GO
-- reads a table: NOT DETERMINISTIC READS SQL DATA
CREATE FUNCTION dbo.fn_StockValue (@ProductID int)
RETURNS money
AS
BEGIN
    DECLARE @value money = 0;
    SELECT @value = Price * Stock FROM dbo.Products WHERE ProductID = @ProductID;
    RETURN @value;
END
GO
-- GETDATE(): NOT DETERMINISTIC
CREATE FUNCTION dbo.fn_DaysSince (@d datetime)
RETURNS int
AS
BEGIN
    RETURN DATEDIFF(day, @d, GETDATE());
END
GO
CREATE PROCEDURE dbo.usp_Restock
    @ProductID int,
    @Amount int = 10,
    @NewStock int OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @i int = 0, @name nvarchar(40), @stock int;
    SELECT @name = Name, @stock = Stock FROM dbo.Products WHERE ProductID = @ProductID;
    IF @name IS NULL
        RETURN;
    WHILE @i < @Amount
    BEGIN
        SET @i += 1;
        IF @i % 2 = 0
            CONTINUE;
        SET @stock = @stock + 2;
        IF @stock >= 100
            BREAK;
    END
    UPDATE dbo.Products SET Stock = @stock WHERE ProductID = @ProductID;
    SET @NewStock = @stock;
END
GO
CREATE PROCEDURE dbo.usp_ProductList @MinPrice money = 0, @Name nvarchar(40) = NULL
AS
BEGIN
    SELECT ProductID, Name, Price
    FROM dbo.Products
    WHERE Price >= @MinPrice AND (@Name IS NULL OR Name LIKE @Name + '%')
    ORDER BY ProductID;
END
GO
CREATE PROCEDURE dbo.usp_RestockAll
AS
BEGIN
    DECLARE @s int;
    EXEC dbo.usp_Restock @NewStock = @s OUTPUT, @ProductID = 1;
    EXEC dbo.usp_Restock 2, 4, @s OUTPUT;
    EXEC dbo.usp_ProductList @Name = N'W';
    SELECT @s AS last_stock, dbo.fn_Clamp(@s, 0, 50) AS clamped;
END
GO
