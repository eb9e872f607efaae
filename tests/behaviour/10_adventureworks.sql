-- behaviour: AdventureWorks ufnGetContactInformation (multi-statement table-valued function) and uspGetBillOfMaterials (recursive CTE)
-- Both are copied from tests/corpus/tsql/adventureworks_instawdb.sql; the
-- tables are a reduced copy (the columns the routines use) with a little data.
CREATE SCHEMA Person
GO
CREATE SCHEMA HumanResources
GO
CREATE SCHEMA Purchasing
GO
CREATE SCHEMA Sales
GO
CREATE SCHEMA Production
GO
CREATE TABLE [Person].[Person] (
    [BusinessEntityID] int NOT NULL PRIMARY KEY,
    [FirstName] nvarchar(50) NOT NULL,
    [LastName] nvarchar(50) NOT NULL
)
GO
CREATE TABLE [HumanResources].[Employee] (
    [BusinessEntityID] int NOT NULL PRIMARY KEY,
    [JobTitle] nvarchar(50) NOT NULL
)
GO
CREATE TABLE [Purchasing].[Vendor] (
    [BusinessEntityID] int NOT NULL PRIMARY KEY,
    [Name] nvarchar(50) NOT NULL
)
GO
CREATE TABLE [Sales].[Store] (
    [BusinessEntityID] int NOT NULL PRIMARY KEY,
    [Name] nvarchar(50) NOT NULL
)
GO
CREATE TABLE [Person].[ContactType] (
    [ContactTypeID] int NOT NULL PRIMARY KEY,
    [Name] nvarchar(50) NOT NULL
)
GO
CREATE TABLE [Person].[BusinessEntityContact] (
    [BusinessEntityID] int NOT NULL,
    [PersonID] int NOT NULL,
    [ContactTypeID] int NOT NULL,
    PRIMARY KEY ([BusinessEntityID], [PersonID], [ContactTypeID])
)
GO
CREATE TABLE [Sales].[Customer] (
    [CustomerID] int NOT NULL PRIMARY KEY,
    [PersonID] int NULL,
    [StoreID] int NULL
)
GO
CREATE TABLE [Production].[Product] (
    [ProductID] int NOT NULL PRIMARY KEY,
    [Name] nvarchar(50) NOT NULL,
    [StandardCost] money NOT NULL,
    [ListPrice] money NOT NULL
)
GO
CREATE TABLE [Production].[BillOfMaterials] (
    [BillOfMaterialsID] int NOT NULL PRIMARY KEY,
    [ProductAssemblyID] int NULL,
    [ComponentID] int NOT NULL,
    [StartDate] datetime NOT NULL,
    [EndDate] datetime NULL,
    [BOMLevel] smallint NOT NULL,
    [PerAssemblyQty] decimal(8, 2) NOT NULL
)
GO
INSERT INTO [Person].[Person] VALUES (1, N'Ken', N'Sánchez');
INSERT INTO [Person].[Person] VALUES (2, N'Terri', N'Duffy');
INSERT INTO [Person].[Person] VALUES (3, N'Gustavo', N'Achong');
INSERT INTO [Person].[Person] VALUES (4, N'Catherine', N'Abel');
INSERT INTO [HumanResources].[Employee] VALUES (1, N'Chief Executive Officer');
INSERT INTO [HumanResources].[Employee] VALUES (2, N'Vice President of Engineering');
INSERT INTO [Purchasing].[Vendor] VALUES (1500, N'Bike Parts Ltd');
INSERT INTO [Sales].[Store] VALUES (1600, N'A Bike Store');
INSERT INTO [Person].[ContactType] VALUES (11, N'Owner');
INSERT INTO [Person].[ContactType] VALUES (17, N'Purchasing Agent');
INSERT INTO [Person].[BusinessEntityContact] VALUES (1500, 2, 17);
INSERT INTO [Person].[BusinessEntityContact] VALUES (1600, 3, 11);
INSERT INTO [Sales].[Customer] VALUES (29485, 4, NULL);
INSERT INTO [Sales].[Customer] VALUES (29486, 3, 1600);
INSERT INTO [Production].[Product] VALUES (1, N'Road Bike', 800.00, 1500.00);
INSERT INTO [Production].[Product] VALUES (2, N'Frame', 300.00, 450.00);
INSERT INTO [Production].[Product] VALUES (3, N'Wheel', 40.00, 70.00);
INSERT INTO [Production].[Product] VALUES (4, N'Spoke', 0.10, 0.25);
INSERT INTO [Production].[Product] VALUES (5, N'Old Saddle', 10.00, 20.00);
INSERT INTO [Production].[BillOfMaterials] VALUES (1, 1, 2, '2020-01-01', NULL, 1, 1.00);
INSERT INTO [Production].[BillOfMaterials] VALUES (2, 1, 3, '2020-01-01', NULL, 1, 2.00);
INSERT INTO [Production].[BillOfMaterials] VALUES (3, 3, 4, '2020-01-01', NULL, 2, 32.00);
INSERT INTO [Production].[BillOfMaterials] VALUES (4, 1, 5, '2020-01-01', '2021-01-01', 1, 1.00);
GO

-- routine: dbo.ufnGetContactInformation
-- call: SELECT * FROM ufngetcontactinformation(1)
-- expect-rows:
-- 1|Ken|Sánchez|Chief Executive Officer|Employee
-- because: person 1 is an employee only: one row from the first IF EXISTS
-- call: SELECT * FROM ufngetcontactinformation(2) ORDER BY 5
-- expect-rows:
-- 2|Terri|Duffy|Vice President of Engineering|Employee
-- 2|Terri|Duffy|Purchasing Agent|Vendor Contact
-- because: person 2 is an employee and a vendor's contact: both IF EXISTS blocks insert a row
-- call: SELECT * FROM ufngetcontactinformation(3)
-- expect-rows:
-- 3|Gustavo|Achong|Owner|Store Contact
-- because: person 3 is a store contact; as a customer he belongs to a store (StoreID not NULL), so not a consumer
-- call: SELECT * FROM ufngetcontactinformation(4)
-- expect-rows:
-- 4|Catherine|Abel|(null)|Consumer
-- because: a customer without a store is a consumer; JobTitle is NULL
-- call: SELECT count(*) FROM ufngetcontactinformation(NULL)
-- expect-rows:
-- 0
-- because: IF @PersonID IS NOT NULL skips everything: the returned table is empty
CREATE FUNCTION [dbo].[ufnGetContactInformation](@PersonID int)
RETURNS @retContactInformation TABLE
(
    -- Columns returned by the function
    [PersonID] int NOT NULL,
    [FirstName] [nvarchar](50) NULL,
    [LastName] [nvarchar](50) NULL,
	[JobTitle] [nvarchar](50) NULL,
    [BusinessEntityType] [nvarchar](50) NULL
)
AS
-- Returns the first name, last name, job title and business entity type for the specified contact.
-- Since a contact can serve multiple roles, more than one row may be returned.
BEGIN
	IF @PersonID IS NOT NULL
		BEGIN
		IF EXISTS(SELECT * FROM [HumanResources].[Employee] e
					WHERE e.[BusinessEntityID] = @PersonID)
			INSERT INTO @retContactInformation
				SELECT @PersonID, p.FirstName, p.LastName, e.[JobTitle], 'Employee'
				FROM [HumanResources].[Employee] AS e
					INNER JOIN [Person].[Person] p
					ON p.[BusinessEntityID] = e.[BusinessEntityID]
				WHERE e.[BusinessEntityID] = @PersonID;

		IF EXISTS(SELECT * FROM [Purchasing].[Vendor] AS v
					INNER JOIN [Person].[BusinessEntityContact] bec
					ON bec.[BusinessEntityID] = v.[BusinessEntityID]
					WHERE bec.[PersonID] = @PersonID)
			INSERT INTO @retContactInformation
				SELECT @PersonID, p.FirstName, p.LastName, ct.[Name], 'Vendor Contact'
				FROM [Purchasing].[Vendor] AS v
					INNER JOIN [Person].[BusinessEntityContact] bec
					ON bec.[BusinessEntityID] = v.[BusinessEntityID]
					INNER JOIN [Person].ContactType ct
					ON ct.[ContactTypeID] = bec.[ContactTypeID]
					INNER JOIN [Person].[Person] p
					ON p.[BusinessEntityID] = bec.[PersonID]
				WHERE bec.[PersonID] = @PersonID;

		IF EXISTS(SELECT * FROM [Sales].[Store] AS s
					INNER JOIN [Person].[BusinessEntityContact] bec
					ON bec.[BusinessEntityID] = s.[BusinessEntityID]
					WHERE bec.[PersonID] = @PersonID)
			INSERT INTO @retContactInformation
				SELECT @PersonID, p.FirstName, p.LastName, ct.[Name], 'Store Contact'
				FROM [Sales].[Store] AS s
					INNER JOIN [Person].[BusinessEntityContact] bec
					ON bec.[BusinessEntityID] = s.[BusinessEntityID]
					INNER JOIN [Person].ContactType ct
					ON ct.[ContactTypeID] = bec.[ContactTypeID]
					INNER JOIN [Person].[Person] p
					ON p.[BusinessEntityID] = bec.[PersonID]
				WHERE bec.[PersonID] = @PersonID;

		IF EXISTS(SELECT * FROM [Person].[Person] AS p
					INNER JOIN [Sales].[Customer] AS c
					ON c.[PersonID] = p.[BusinessEntityID]
					WHERE p.[BusinessEntityID] = @PersonID AND c.[StoreID] IS NULL)
			INSERT INTO @retContactInformation
				SELECT @PersonID, p.FirstName, p.LastName, NULL, 'Consumer'
				FROM [Person].[Person] AS p
					INNER JOIN [Sales].[Customer] AS c
					ON c.[PersonID] = p.[BusinessEntityID]
					WHERE p.[BusinessEntityID] = @PersonID AND c.[StoreID] IS NULL;
		END

	RETURN;
END;
GO

-- routine: dbo.uspGetBillOfMaterials
-- expect-item: SS4136 at 211:1
-- call: BEGIN;
--   SELECT uspgetbillofmaterials(1, '2024-01-01') AS c \gset
--   FETCH ALL FROM :"c";
--   COMMIT;
-- expect-rows:
-- 1|2|Frame|1.00|300.00|450.00|1|0
-- 1|3|Wheel|2.00|40.00|70.00|1|0
-- 3|4|Spoke|32.00|0.10|0.25|2|1
-- because: (the procedure becomes a function returning a cursor, SS4136: the call fetches from it)
-- because: the recursive CTE walks the assembly: frame and wheels at recursion level 0, the wheel's spokes at level 1;
-- because: the saddle's BOM row ended on 2021-01-01, before @CheckDate; ORDER BY BOMLevel, ProductAssemblyID, ComponentID
-- call: BEGIN;
--   SELECT uspgetbillofmaterials(1, '2020-06-01') AS c \gset
--   FETCH ALL FROM :"c";
--   COMMIT;
-- expect-rows:
-- 1|2|Frame|1.00|300.00|450.00|1|0
-- 1|3|Wheel|2.00|40.00|70.00|1|0
-- 1|5|Old Saddle|1.00|10.00|20.00|1|0
-- 3|4|Spoke|32.00|0.10|0.25|2|1
-- because: on 2020-06-01 the saddle was still part of the bike (EndDate 2021-01-01 >= @CheckDate)
CREATE PROCEDURE [dbo].[uspGetBillOfMaterials]
    @StartProductID [int],
    @CheckDate [datetime]
AS
BEGIN
    SET NOCOUNT ON;

    -- Use recursive query to generate a multi-level Bill of Material (i.e. all level 1
    -- components of a level 0 assembly, all level 2 components of a level 1 assembly)
    -- The CheckDate eliminates any components that are no longer used in the product on this date.
    WITH [BOM_cte]([ProductAssemblyID], [ComponentID], [ComponentDesc], [PerAssemblyQty], [StandardCost], [ListPrice], [BOMLevel], [RecursionLevel]) -- CTE name and columns
    AS (
        SELECT b.[ProductAssemblyID], b.[ComponentID], p.[Name], b.[PerAssemblyQty], p.[StandardCost], p.[ListPrice], b.[BOMLevel], 0 -- Get the initial list of components for the bike assembly
        FROM [Production].[BillOfMaterials] b
            INNER JOIN [Production].[Product] p
            ON b.[ComponentID] = p.[ProductID]
        WHERE b.[ProductAssemblyID] = @StartProductID
            AND @CheckDate >= b.[StartDate]
            AND @CheckDate <= ISNULL(b.[EndDate], @CheckDate)
        UNION ALL
        SELECT b.[ProductAssemblyID], b.[ComponentID], p.[Name], b.[PerAssemblyQty], p.[StandardCost], p.[ListPrice], b.[BOMLevel], [RecursionLevel] + 1 -- Join recursive member to anchor
        FROM [BOM_cte] cte
            INNER JOIN [Production].[BillOfMaterials] b
            ON b.[ProductAssemblyID] = cte.[ComponentID]
            INNER JOIN [Production].[Product] p
            ON b.[ComponentID] = p.[ProductID]
        WHERE @CheckDate >= b.[StartDate]
            AND @CheckDate <= ISNULL(b.[EndDate], @CheckDate)
        )
    -- Outer select from the CTE
    SELECT b.[ProductAssemblyID], b.[ComponentID], b.[ComponentDesc], SUM(b.[PerAssemblyQty]) AS [TotalQuantity] , b.[StandardCost], b.[ListPrice], b.[BOMLevel], b.[RecursionLevel]
    FROM [BOM_cte] b
    GROUP BY b.[ComponentID], b.[ComponentDesc], b.[ProductAssemblyID], b.[BOMLevel], b.[RecursionLevel], b.[StandardCost], b.[ListPrice]
    ORDER BY b.[BOMLevel], b.[ProductAssemblyID], b.[ComponentID]
    OPTION (MAXRECURSION 25)
END;
GO
