SET NOCOUNT ON
GO
if exists (select * from sysobjects where id = object_id('dbo.Customers') and sysstat & 0xf = 3)
    drop table "dbo"."Customers"
GO
CREATE TABLE dbo.Customers (CustomerID nchar(5) NOT NULL PRIMARY KEY, CompanyName nvarchar(40) NOT NULL, City nvarchar(15) NULL)
GO
CREATE VIEW dbo.CustomerCities AS
SELECT TOP 100 PERCENT c.CustomerID, c.CompanyName + N' (' + ISNULL(c.City, N'?') + N')' AS Label,
       LEN(c.CompanyName) AS NameLength, DATEADD(day, 30, GETDATE()) AS Due
FROM dbo.Customers AS c
WHERE c.City LIKE N'B%'
ORDER BY c.CompanyName
GO
CREATE PROCEDURE dbo.CustomerCount @City nvarchar(15)
AS
    SELECT COUNT(*) FROM dbo.Customers WHERE City = @City
GO
INSERT INTO dbo.Customers (CustomerID, CompanyName, City) VALUES (N'ALFKI', N'Alfreds Futterkiste', N'Berlin')
GO
