-- Warehouse inventory schema (SQL Server), written for the sqlshift quick start.
-- Exercises GO batches, identity columns, computed columns, defaults with
-- functions, foreign keys, filtered and covering indexes, views, extended
-- properties and stored code.
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE SCHEMA [inv] AUTHORIZATION [dbo]
GO

CREATE TABLE [inv].[Warehouse] (
    [WarehouseID]   INT IDENTITY(1,1) NOT NULL,
    [Code]          NCHAR(4) NOT NULL,
    [Name]          NVARCHAR(100) NOT NULL,
    [City]          NVARCHAR(60) NULL,
    [IsActive]      BIT NOT NULL CONSTRAINT [DF_Warehouse_IsActive] DEFAULT (1),
    [CreatedAt]     DATETIME NOT NULL CONSTRAINT [DF_Warehouse_CreatedAt] DEFAULT (GETDATE()),
    CONSTRAINT [PK_Warehouse] PRIMARY KEY CLUSTERED ([WarehouseID] ASC),
    CONSTRAINT [UQ_Warehouse_Code] UNIQUE NONCLUSTERED ([Code])
) ON [PRIMARY]
GO

CREATE TABLE [inv].[Product] (
    [ProductID]     INT IDENTITY(100,10) NOT NULL PRIMARY KEY,
    [Sku]           VARCHAR(20) NOT NULL,
    [Description]   NVARCHAR(MAX) NULL,
    [UnitPrice]     MONEY NOT NULL CHECK ([UnitPrice] >= 0),
    [Weight]        DECIMAL(9,3) NULL,
    [RowGuid]       UNIQUEIDENTIFIER NOT NULL DEFAULT NEWID(),
    [Label]         AS ([Sku] + N' ' + ISNULL([Description], N'')),
    [ModifiedDate]  DATETIME2(7) NOT NULL DEFAULT SYSDATETIME()
)
GO

CREATE TABLE [inv].[StockLevel] (
    [WarehouseID]   INT NOT NULL,
    [ProductID]     INT NOT NULL,
    [Quantity]      INT NOT NULL DEFAULT 0,
    [ReorderPoint]  SMALLINT NULL,
    [LastCounted]   SMALLDATETIME NULL,
    CONSTRAINT [PK_StockLevel] PRIMARY KEY ([WarehouseID], [ProductID]),
    CONSTRAINT [FK_StockLevel_Warehouse] FOREIGN KEY ([WarehouseID])
        REFERENCES [inv].[Warehouse] ([WarehouseID]) ON DELETE CASCADE,
    CONSTRAINT [FK_StockLevel_Product] FOREIGN KEY ([ProductID])
        REFERENCES [inv].[Product] ([ProductID])
)
GO

CREATE NONCLUSTERED INDEX [IX_StockLevel_Low]
    ON [inv].[StockLevel] ([ProductID]) INCLUDE ([Quantity])
    WHERE [Quantity] < 10
GO

CREATE UNIQUE INDEX [IX_Product_Sku] ON [inv].[Product] ([Sku])
GO

CREATE VIEW [inv].[vLowStock]
AS
SELECT TOP (100) PERCENT w.[Code] AS WarehouseCode, p.[Sku], s.[Quantity],
       DATEDIFF(day, s.[LastCounted], GETDATE()) AS DaysSinceCount,
       CASE WHEN s.[Quantity] = 0 THEN 'empty' ELSE 'low' END AS Status
FROM [inv].[StockLevel] s
    INNER JOIN [inv].[Warehouse] w ON w.[WarehouseID] = s.[WarehouseID]
    INNER JOIN [inv].[Product] p ON p.[ProductID] = s.[ProductID]
WHERE s.[Quantity] < ISNULL(s.[ReorderPoint], 10)
ORDER BY s.[Quantity]
GO

CREATE VIEW [inv].[vWarehouseValue]
AS
SELECT w.[Name], SUM(s.[Quantity] * p.[UnitPrice]) AS StockValue,
       COUNT(*) AS Lines, MAX(LEN(p.[Sku])) AS LongestSku
FROM [inv].[Warehouse] w
    LEFT OUTER JOIN [inv].[StockLevel] s ON s.[WarehouseID] = w.[WarehouseID]
    LEFT OUTER JOIN [inv].[Product] p ON p.[ProductID] = s.[ProductID]
GROUP BY w.[Name]
GO

CREATE PROCEDURE [inv].[uspAdjustStock]
    @WarehouseID INT,
    @ProductID INT,
    @Delta INT
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE [inv].[StockLevel]
       SET [Quantity] = [Quantity] + @Delta, [LastCounted] = GETDATE()
     WHERE [WarehouseID] = @WarehouseID AND [ProductID] = @ProductID;
    IF @@ROWCOUNT = 0
        RAISERROR('No stock row for warehouse %d, product %d', 16, 1, @WarehouseID, @ProductID);
END
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description',
    @value = N'Physical sites that hold stock.',
    @level0type = N'SCHEMA', @level0name = N'inv',
    @level1type = N'TABLE', @level1name = N'Warehouse'
GO

INSERT INTO [inv].[Warehouse] ([Code], [Name], [City]) VALUES (N'BER1', N'Berlin North', N'Berlin')
INSERT INTO [inv].[Warehouse] ([Code], [Name], [City]) VALUES (N'LIS1', N'Lisboa Porto Alto', N'Lisboa')
GO
