-- Procedures and functions converted to PL/pgSQL
CREATE TABLE dbo.Product (
    ProductID int NOT NULL PRIMARY KEY,
    Name nvarchar(50) NOT NULL,
    ListPrice money NOT NULL,
    Qty int NULL
);
GO
CREATE TABLE dbo.ErrorLog (
    ErrorLogID int IDENTITY(1,1) PRIMARY KEY,
    ErrorNumber int NOT NULL,
    ErrorMessage nvarchar(4000) NOT NULL
);
GO
-- scalar function with a local variable and string '+'
CREATE FUNCTION dbo.LeadingZeros(@Value int)
RETURNS varchar(8)
WITH SCHEMABINDING
AS
BEGIN
    DECLARE @ReturnValue varchar(8);
    SET @ReturnValue = CONVERT(varchar(8), @Value);
    SET @ReturnValue = REPLICATE('0', 8 - LEN(@ReturnValue)) + @ReturnValue;
    RETURN (@ReturnValue);
END;
GO
-- SELECT @v = aggregate, IF without ELSE
CREATE FUNCTION dbo.GetStock(@ProductID int)
RETURNS int
AS
BEGIN
    DECLARE @ret int;
    SELECT @ret = SUM(p.Qty) FROM dbo.Product p WHERE p.ProductID = @ProductID;
    IF (@ret IS NULL)
        SET @ret = 0
    RETURN @ret
END;
GO
-- a procedure that returns rows: a function RETURNS TABLE
CREATE PROCEDURE dbo.GetProducts @MinPrice money = 0
AS
BEGIN
    SET NOCOUNT ON;
    SELECT p.ProductID, p.Name AS ProductName, p.ListPrice
    FROM dbo.Product p
    WHERE p.ListPrice >= @MinPrice
    ORDER BY p.Name;
END;
GO
-- error logging called from CATCH blocks (OUTPUT parameter with a default)
CREATE PROCEDURE dbo.LogError @Number int, @Message nvarchar(4000), @ErrorLogID int = 0 OUTPUT
AS
BEGIN
    INSERT INTO dbo.ErrorLog (ErrorNumber, ErrorMessage) VALUES (@Number, @Message);
    SET @ErrorLogID = SCOPE_IDENTITY();
END;
GO
-- TRY/CATCH, transactions, loops, RAISERROR with arguments, @@ROWCOUNT
CREATE PROCEDURE dbo.AddProduct
    @ID int,
    @Name nvarchar(50),
    @Price money,
    @Count int = 0 OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @i int = 0, @msg nvarchar(100);
    BEGIN TRY
        BEGIN TRANSACTION;
        INSERT INTO dbo.Product (ProductID, Name, ListPrice) VALUES (@ID, @Name, @Price);
        SET @Count = @@ROWCOUNT;
        WHILE @i < 3
        BEGIN
            SET @i += 1;
            IF @i = 2
                CONTINUE;
            ELSE IF @i > 5
                BREAK;
            PRINT 'step ' + CAST(@i AS varchar(10));
        END
        SELECT @msg = Name FROM dbo.Product WHERE ProductID = @ID;
        IF @Price < 0
            RAISERROR('Product %d (%s) has a negative price', 16, 1, @ID, @Name);
        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        DECLARE @num int = ERROR_NUMBER(), @text nvarchar(4000) = ERROR_MESSAGE();
        EXEC dbo.LogError @num, @text;
        THROW;
    END CATCH
END;
GO
-- named arguments, OUTPUT argument, a call of a procedure that returns rows
CREATE PROCEDURE dbo.AddTwo @Base int
AS
BEGIN
    DECLARE @n int = 0, @total int = 0;
    EXEC dbo.AddProduct @ID = @Base, @Name = N'first', @Price = 1.5, @Count = @n OUTPUT;
    SET @total = @total + @n;
    EXECUTE dbo.AddProduct @Base + 1, N'second', 2.5, @n OUTPUT;
    SET @total = @total + @n;
    EXEC dbo.GetProducts 0;
    PRINT 'added ' + CONVERT(varchar(10), @total);
END;
GO
-- bit variables and parameters are boolean in PostgreSQL: 0/1 become FALSE/TRUE
CREATE FUNCTION dbo.FlagText(@on bit = 1)
RETURNS varchar(3)
AS
BEGIN
    DECLARE @f bit = 0;
    IF @on = 1
        SET @f = 1;
    RETURN CASE WHEN @f = 1 THEN 'yes' ELSE 'no' END;
END;
GO
