-- T-SQL column types, identity, defaults, computed columns, constraints
CREATE TABLE dbo.Orders (
    OrderID int IDENTITY(1000, 5) NOT NULL,
    CustomerCode nchar(5) NOT NULL,
    OrderDate datetime NOT NULL DEFAULT (getdate()),
    ShippedAt datetime2(3) NULL,
    Freight money NULL CONSTRAINT DF_Orders_Freight DEFAULT (0),
    Notes nvarchar(max) NULL,
    IsRush bit NOT NULL DEFAULT (0),
    Token uniqueidentifier NOT NULL DEFAULT newid(),
    Photo varbinary(max) NULL,
    Total AS (Freight * 2) PERSISTED,
    CONSTRAINT PK_Orders PRIMARY KEY CLUSTERED (OrderID),
    CONSTRAINT CK_Orders_Freight CHECK (Freight >= 0)
) ON [PRIMARY]
GO
CREATE TABLE dbo.OrderLines (
    OrderID int NOT NULL REFERENCES dbo.Orders (OrderID) ON DELETE CASCADE,
    LineNo smallint NOT NULL,
    Qty tinyint NOT NULL,
    Price decimal(10, 2) NOT NULL,
    PRIMARY KEY (OrderID, LineNo)
)
GO
CREATE NONCLUSTERED INDEX IX_Orders_Customer ON dbo.Orders (CustomerCode) INCLUDE (OrderDate) WHERE ShippedAt IS NULL
GO
