-- behaviour: inline table-valued function
CREATE TABLE dbo.Orders (
    OrderID int NOT NULL PRIMARY KEY,
    CustomerID nchar(5) NOT NULL,
    Qty int NULL
)
GO
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (1, N'ALFKI', 3);
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (2, N'ALFKI', NULL);
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (3, N'BONAP', 4);
INSERT INTO dbo.Orders (OrderID, CustomerID, Qty) VALUES (4, N'ALFKI', 10);
GO

-- routine: dbo.fn_orders_of
-- call: SELECT * FROM fn_orders_of(N'ALFKI') ORDER BY 1
-- expect-rows:
-- 1|3
-- 2|(null)
-- 4|10
-- because: an inline table-valued function returns the rows of its SELECT
-- call: SELECT count(*) FROM fn_orders_of(N'NOONE')
-- expect-rows:
-- 0
-- because: no order for that customer: an empty table
CREATE FUNCTION dbo.fn_orders_of (@customer nchar(5))
RETURNS TABLE
AS
RETURN (SELECT OrderID, Qty FROM dbo.Orders WHERE CustomerID = @customer)
GO

