-- behaviour: (MySQL) UPDATE ... FROM, DELETE ... FROM, OUTPUT INTO, MERGE inside procedures
CREATE TABLE dbo.Products (
    ProductID int NOT NULL PRIMARY KEY,
    Name nvarchar(40) NOT NULL,
    Price decimal(10,2) NOT NULL,
    Discontinued bit NOT NULL DEFAULT (0)
)
GO
CREATE TABLE dbo.PriceChanges (ProductID int NOT NULL, NewPrice decimal(10,2) NOT NULL)
GO
CREATE TABLE dbo.Stock (ProductID int NOT NULL PRIMARY KEY, Qty int NOT NULL)
GO
CREATE TABLE dbo.StockIn (ProductID int NOT NULL, Qty int NOT NULL)
GO
CREATE TABLE dbo.Archive (ProductID int NOT NULL, Name nvarchar(40) NOT NULL)
GO
INSERT INTO dbo.Products (ProductID, Name, Price, Discontinued) VALUES (1, N'chai', 18.00, 0);
INSERT INTO dbo.Products (ProductID, Name, Price, Discontinued) VALUES (2, N'chang', 19.00, 0);
INSERT INTO dbo.Products (ProductID, Name, Price, Discontinued) VALUES (3, N'syrup', 10.00, 1);
INSERT INTO dbo.Products (ProductID, Name, Price, Discontinued) VALUES (4, N'cajun', 22.00, 1);
INSERT INTO dbo.PriceChanges (ProductID, NewPrice) VALUES (1, 20.00);
INSERT INTO dbo.PriceChanges (ProductID, NewPrice) VALUES (3, 12.50);
INSERT INTO dbo.Stock (ProductID, Qty) VALUES (1, 5);
INSERT INTO dbo.Stock (ProductID, Qty) VALUES (2, 0);
INSERT INTO dbo.StockIn (ProductID, Qty) VALUES (1, 10);
INSERT INTO dbo.StockIn (ProductID, Qty) VALUES (4, 7);
GO

-- routine: dbo.usp_apply_prices
-- call: CALL usp_apply_prices(@c); SELECT @c
-- expect-rows:
-- 2
-- because: UPDATE ... FROM with a join updates each product that has a price change; @@ROWCOUNT 2
-- call: SELECT productid, price FROM products ORDER BY 1
-- expect-rows:
-- 1|20.00
-- 2|19.00
-- 3|12.50
-- 4|22.00
-- because: products 1 and 3 take the new prices, the others keep theirs
CREATE PROCEDURE dbo.usp_apply_prices @changed int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    UPDATE p
    SET p.Price = c.NewPrice
    FROM dbo.Products p
    INNER JOIN dbo.PriceChanges c ON c.ProductID = p.ProductID
    SET @changed = @@ROWCOUNT
END
GO

-- routine: dbo.usp_archive_discontinued
-- kept: SS4001 at 69:1
-- call: CALL usp_archive_discontinued(@r); SELECT @r
-- expect-rows:
-- 2
-- because: DELETE ... FROM removes the two discontinued products; OUTPUT deleted.* INTO copies each removed row
-- call: SELECT productid, name FROM archive ORDER BY 1
-- expect-rows:
-- 3|syrup
-- 4|cajun
-- because: OUTPUT ... INTO wrote the deleted rows
-- call: SELECT productid FROM products ORDER BY 1
-- expect-rows:
-- 1
-- 2
-- because: only the products still sold remain
CREATE PROCEDURE dbo.usp_archive_discontinued @removed int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    DELETE p
    OUTPUT deleted.ProductID, deleted.Name INTO dbo.Archive (ProductID, Name)
    FROM dbo.Products p
    WHERE p.Discontinued = 1
    SET @removed = @@ROWCOUNT
END
GO

-- routine: dbo.usp_merge_stock
-- kept: SS4001 at 92:1
-- call: CALL usp_merge_stock()
-- expect-no-rows:
-- because: MERGE changes data only
-- call: SELECT productid, qty FROM stock ORDER BY 1
-- expect-rows:
-- 1|15
-- 2|0
-- 4|7
-- because: product 1 is matched (5 + 10), product 4 is not matched by the target and is inserted, product 2 has no incoming row and stays
CREATE PROCEDURE dbo.usp_merge_stock
AS
BEGIN
    SET NOCOUNT ON
    MERGE dbo.Stock AS t
    USING dbo.StockIn AS s ON t.ProductID = s.ProductID
    WHEN MATCHED THEN
        UPDATE SET t.Qty = t.Qty + s.Qty
    WHEN NOT MATCHED BY TARGET THEN
        INSERT (ProductID, Qty) VALUES (s.ProductID, s.Qty);
END
GO
