-- table types become composite types; table-valued parameters arrays of them
CREATE TABLE Sales.OrderLine (
    OrderLineID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    OrderID int NOT NULL,
    ProductID int NOT NULL,
    Quantity smallint NOT NULL,
    UnitPrice money NOT NULL,
    Gift bit NOT NULL DEFAULT 0
);
GO

CREATE TYPE Sales.LineList AS TABLE (
    ProductID int NOT NULL,
    Quantity smallint NOT NULL DEFAULT 1,
    UnitPrice money NULL,
    Gift bit NULL,
    PRIMARY KEY (ProductID)
);
GO

CREATE PROCEDURE Sales.AddLines @OrderID int, @Lines Sales.LineList READONLY
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO Sales.OrderLine (OrderID, ProductID, Quantity, UnitPrice, Gift)
    SELECT @OrderID, l.ProductID, l.Quantity, ISNULL(l.UnitPrice, 0), l.Gift
    FROM @Lines AS l
    WHERE l.Quantity > 0 AND l.Gift = 0;
END;
GO

CREATE FUNCTION Sales.LinesTotal (@Lines Sales.LineList READONLY)
RETURNS money
AS
BEGIN
    RETURN (SELECT SUM(Quantity * UnitPrice) FROM @Lines);
END;
GO

-- natively compiled; its table type (Sales.NewLines) is not in this script
CREATE PROCEDURE Sales.AddLinesNative @OrderID int, @Lines Sales.NewLines READONLY
WITH NATIVE_COMPILATION, SCHEMABINDING
AS BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'us_english', DELAYED_DURABILITY = ON)
    DECLARE @n int = 0;
    INSERT Sales.OrderLine (OrderID, ProductID, Quantity, UnitPrice, Gift)
    SELECT @OrderID, nl.ProductID, nl.Quantity, nl.UnitPrice, 0 FROM @Lines AS nl;
    SET @n = @@ROWCOUNT;
    RETURN @n;
END;
GO

-- a column the routine only tests (never stores) gives no type: kept
CREATE PROCEDURE Sales.CountLines @Lines Sales.OtherLines READONLY
AS
    SELECT COUNT(*) AS n FROM @Lines AS x WHERE x.Flag = 1;
GO
