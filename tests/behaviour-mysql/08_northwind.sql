-- behaviour: (MySQL) Northwind procedures (CustOrderHist, CustOrdersDetail, Ten Most Expensive Products, Sales by Year, Employee Sales by Country)
-- The procedures are copied from tests/corpus/tsql/northwind_instnwnd.sql;
-- the tables are a reduced copy (the columns the procedures use) with a
-- little data. Discounts are 0 or 0.25 (exact in binary floating point).
CREATE TABLE "Employees" (
    "EmployeeID" int NOT NULL PRIMARY KEY,
    "LastName" nvarchar(20) NOT NULL,
    "FirstName" nvarchar(10) NOT NULL,
    "Country" nvarchar(15) NULL
)
GO
CREATE TABLE "Customers" (
    "CustomerID" nchar(5) NOT NULL PRIMARY KEY,
    "CompanyName" nvarchar(40) NOT NULL
)
GO
CREATE TABLE "Orders" (
    "OrderID" int NOT NULL PRIMARY KEY,
    "CustomerID" nchar(5) NULL,
    "EmployeeID" int NULL,
    "OrderDate" datetime NULL,
    "ShippedDate" datetime NULL
)
GO
CREATE TABLE "Products" (
    "ProductID" int NOT NULL PRIMARY KEY,
    "ProductName" nvarchar(40) NOT NULL,
    "UnitPrice" money NULL
)
GO
CREATE TABLE "Order Details" (
    "OrderID" int NOT NULL,
    "ProductID" int NOT NULL,
    "UnitPrice" money NOT NULL,
    "Quantity" smallint NOT NULL,
    "Discount" real NOT NULL DEFAULT (0),
    PRIMARY KEY ("OrderID", "ProductID")
)
GO
create view "Order Subtotals" AS
SELECT "Order Details".OrderID, Sum(CONVERT(money,("Order Details".UnitPrice*Quantity*(1-Discount)/100))*100) AS Subtotal
FROM "Order Details"
GROUP BY "Order Details".OrderID
GO
INSERT INTO "Employees" VALUES (1, N'Davolio', N'Nancy', N'USA');
INSERT INTO "Employees" VALUES (5, N'Buchanan', N'Steven', N'UK');
INSERT INTO "Customers" VALUES (N'ALFKI', N'Alfreds Futterkiste');
INSERT INTO "Customers" VALUES (N'VINET', N'Vins et alcools Chevalier');
INSERT INTO "Orders" VALUES (10248, N'VINET', 5, '1996-07-04', '1996-07-16');
INSERT INTO "Orders" VALUES (10643, N'ALFKI', 1, '1997-08-25', '1997-09-02');
INSERT INTO "Orders" VALUES (10692, N'ALFKI', 1, '1997-10-03', NULL);
INSERT INTO "Orders" VALUES (10702, N'ALFKI', 5, '1997-10-13', '1997-10-21');
INSERT INTO "Products" VALUES (1, N'Chai', 18.00);
INSERT INTO "Products" VALUES (3, N'Aniseed Syrup', 10.00);
INSERT INTO "Products" VALUES (11, N'Queso Cabrales', 21.00);
INSERT INTO "Products" VALUES (28, N'Rössle Sauerkraut', 45.60);
INSERT INTO "Products" VALUES (38, N'Côte de Blaye', 263.50);
INSERT INTO "Products" VALUES (39, N'Chartreuse verte', 18.50);
INSERT INTO "Products" VALUES (42, N'Singaporean Hokkien Fried Mee', 14.00);
INSERT INTO "Products" VALUES (46, N'Spegesild', 12.00);
INSERT INTO "Products" VALUES (59, N'Raclette Courdavault', 55.00);
INSERT INTO "Products" VALUES (63, N'Vegie-spread', 43.90);
INSERT INTO "Products" VALUES (72, N'Mozzarella di Giovanni', 34.80);
INSERT INTO "Order Details" VALUES (10248, 11, 14.00, 12, 0);
INSERT INTO "Order Details" VALUES (10248, 42, 10.00, 10, 0.25);
INSERT INTO "Order Details" VALUES (10643, 28, 45.60, 15, 0.25);
INSERT INTO "Order Details" VALUES (10643, 39, 18.00, 21, 0.25);
INSERT INTO "Order Details" VALUES (10692, 63, 43.90, 20, 0);
INSERT INTO "Order Details" VALUES (10702, 3, 10.00, 6, 0);
INSERT INTO "Order Details" VALUES (10702, 63, 43.90, 15, 0);
GO

-- routine: CustOrderHist
-- call: CALL custorderhist('ALFKI')
-- expect-rows:
-- Aniseed Syrup|6
-- Chartreuse verte|21
-- Rössle Sauerkraut|15
-- Vegie-spread|35
-- because: SUM(Quantity) per product over ALFKI's three orders (Vegie-spread 20 + 15)
CREATE PROCEDURE CustOrderHist @CustomerID nchar(5)
AS
SELECT ProductName, Total=SUM(Quantity)
FROM Products P, [Order Details] OD, Orders O, Customers C
WHERE C.CustomerID = @CustomerID
AND C.CustomerID = O.CustomerID AND O.OrderID = OD.OrderID AND OD.ProductID = P.ProductID
GROUP BY ProductName
GO

-- routine: CustOrdersDetail
-- call: CALL custordersdetail(10248)
-- expect-rows:
-- Queso Cabrales|14.00|12|0|168.00
-- Singaporean Hokkien Fried Mee|10.00|10|25|75.00
-- because: ROUND(money, 2); CONVERT(int, 0.25 * 100) = 25; 10 * (1 - 0.25) * 10.00 = 75
CREATE PROCEDURE CustOrdersDetail @OrderID int
AS
SELECT ProductName,
    UnitPrice=ROUND(Od.UnitPrice, 2),
    Quantity,
    Discount=CONVERT(int, Discount * 100),
    ExtendedPrice=ROUND(CONVERT(money, Quantity * (1 - Discount) * Od.UnitPrice), 2)
FROM Products P, [Order Details] Od
WHERE Od.ProductID = P.ProductID and Od.OrderID = @OrderID
go

-- routine: Ten Most Expensive Products
-- call: CALL `ten most expensive products`()
-- expect-rows:
-- Côte de Blaye|263.50
-- Raclette Courdavault|55.00
-- Rössle Sauerkraut|45.60
-- Vegie-spread|43.90
-- Mozzarella di Giovanni|34.80
-- Queso Cabrales|21.00
-- Chartreuse verte|18.50
-- Chai|18.00
-- Singaporean Hokkien Fried Mee|14.00
-- Spegesild|12.00
-- because: SET ROWCOUNT 10 stops the SELECT after 10 rows, in ORDER BY UnitPrice DESC order (11 products; Aniseed Syrup is the 11th)
create procedure "Ten Most Expensive Products" AS
SET ROWCOUNT 10
SELECT Products.ProductName AS TenMostExpensiveProducts, Products.UnitPrice
FROM Products
ORDER BY Products.UnitPrice DESC
GO

-- routine: Sales by Year
-- call: CALL `sales by year`('1997-01-01', '1997-12-31')
-- expect-rows:
-- 1997-09-02 00:00:00|10643|796.50|1997
-- 1997-10-21 00:00:00|10702|718.50|1997
-- because: (the procedure becomes a function returning a cursor, SS4136: the call fetches from it; T-SQL gives no order, the rows come in OrderID order)
-- because: orders shipped in 1997 (10692 has no ShippedDate: NULL BETWEEN is unknown); DATENAME(yy, ...) is the year as a string;
-- because: subtotals from the view: 10643 = 45.60 * 15 * 0.75 + 18.00 * 21 * 0.75 = 513.00 + 283.50, 10702 = 10.00 * 6 + 43.90 * 15
CREATE PROCEDURE "Sales by Year"
	@Beginning_Date DateTime, @Ending_Date DateTime AS
SELECT Orders.ShippedDate, Orders.OrderID, "Order Subtotals".Subtotal, DATENAME(yy,ShippedDate) AS Year
FROM Orders INNER JOIN "Order Subtotals" ON Orders.OrderID = "Order Subtotals".OrderID
WHERE Orders.ShippedDate Between @Beginning_Date And @Ending_Date
GO

-- routine: Employee Sales by Country
-- call: CALL `employee sales by country`('1997-01-01', '1997-12-31')
-- expect-rows:
-- USA|Davolio|Nancy|1997-09-02 00:00:00|10643|796.50
-- UK|Buchanan|Steven|1997-10-21 00:00:00|10702|718.50
-- because: the 1997 shipments joined to their employee and subtotal (10692 was not shipped, 10248 shipped in 1996)
create procedure "Employee Sales by Country"
@Beginning_Date DateTime, @Ending_Date DateTime AS
SELECT Employees.Country, Employees.LastName, Employees.FirstName, Orders.ShippedDate, Orders.OrderID, "Order Subtotals".Subtotal AS SaleAmount
FROM Employees INNER JOIN
	(Orders INNER JOIN "Order Subtotals" ON Orders.OrderID = "Order Subtotals".OrderID)
	ON Employees.EmployeeID = Orders.EmployeeID
WHERE Orders.ShippedDate Between @Beginning_Date And @Ending_Date
GO
