-- object: schema sales.sales
CREATE SCHEMA [sales];
GO
-- object: type dbo.Phone
CREATE TYPE [dbo].[Phone] FROM nvarchar(20) NOT NULL;
GO
-- object: sequence dbo.Tickets
CREATE SEQUENCE [dbo].[Tickets] AS int START WITH 1 INCREMENT BY 10 MINVALUE 1 MAXVALUE 1000000 CYCLE NO CACHE;
GO
-- object: sequence sales.OrderNumbers
CREATE SEQUENCE [sales].[OrderNumbers] AS bigint START WITH 1000 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 NO CYCLE CACHE 50;
GO
-- object: table dbo.Customers
CREATE TABLE [dbo].[Customers] (
    [id] int IDENTITY(1, 1) NOT NULL,
    [name] nvarchar(100) COLLATE Latin1_General_CS_AS NOT NULL,
    [phone] [dbo].[Phone] NULL,
    [created_at] datetime2(3) NOT NULL CONSTRAINT [DF_Customers_created] DEFAULT (sysdatetime()),
    [balance] decimal(12, 2) NULL CONSTRAINT [DF__Customers__balan__3B75D760] DEFAULT ((0)),
    [photo] varbinary(max) NULL,
    [notes] nvarchar(max) NULL,
    CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED ([id] ASC),
    CONSTRAINT [UQ_Customers_name] UNIQUE NONCLUSTERED ([name] ASC)
);
GO
-- object: table sales.odd]; 'name
CREATE TABLE [sales].[odd]]; 'name] (
    [a;b] int NOT NULL,
    [it's] nchar(5) NULL CONSTRAINT [DF_odd_it's] DEFAULT (N'it''s'),
    CONSTRAINT [PK_odd]]] PRIMARY KEY CLUSTERED ([a;b] ASC)
);
GO
-- object: type sales.OrderLines
CREATE TYPE [sales].[OrderLines] AS TABLE (
    [product_id] int NOT NULL,
    [qty] int NOT NULL DEFAULT ((1)),
    PRIMARY KEY CLUSTERED ([product_id] ASC),
    CHECK ([qty]>(0))
);
GO
-- object: table sales.Orders
CREATE TABLE [sales].[Orders] (
    [id] int IDENTITY(100, 5) NOT NULL,
    [customer_id] int NOT NULL,
    [qty] int NULL,
    [price] money NULL,
    [total] AS ([qty]*[price]) PERSISTED,
    [status] varchar(10) NOT NULL CONSTRAINT [DF_Orders_status] DEFAULT ('open'),
    [ordered_on] date NOT NULL CONSTRAINT [DF_Orders_ordered_on] DEFAULT (getdate()),
    CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED ([id] ASC),
    CONSTRAINT [CK_Orders_qty] CHECK ([qty]>(0))
);
GO
-- object: index dbo.IX_Customers_created (needs dbo.Customers)
CREATE NONCLUSTERED INDEX [IX_Customers_created] ON [dbo].[Customers] ([created_at] DESC);
GO
-- object: index sales.IX_Orders_open (needs sales.Orders)
CREATE NONCLUSTERED INDEX [IX_Orders_open] ON [sales].[Orders] ([customer_id] ASC, [id] DESC) INCLUDE ([qty], [price]) WHERE ([status]='open');
GO
-- object: foreign key sales.FK_Orders_Customers (needs sales.Orders, dbo.Customers)
ALTER TABLE [sales].[Orders] ADD CONSTRAINT [FK_Orders_Customers] FOREIGN KEY ([customer_id]) REFERENCES [dbo].[Customers] ([id]) ON DELETE CASCADE;
GO
-- object: trigger .trAudit
CREATE TRIGGER trAudit ON DATABASE FOR CREATE_TABLE
AS
PRINT 'table created';
GO
-- object: function dbo.fnOrderTotal (needs sales.Orders)
CREATE FUNCTION dbo.fnOrderTotal (@id int)
RETURNS money
AS
BEGIN
    RETURN (SELECT total FROM sales.Orders WHERE id = @id);
END
GO
-- object: procedure dbo.GetCustomer (needs dbo.Customers)
CREATE PROCEDURE dbo.GetCustomer @id int
AS
SET NOCOUNT ON;
SELECT id, name FROM dbo.Customers WHERE id = @id;
GO
-- object: procedure dbo.OldProc
SET QUOTED_IDENTIFIER OFF
GO
CREATE PROCEDURE dbo.OldProc AS SELECT "it's old" AS v
GO
SET QUOTED_IDENTIFIER ON
GO
-- object: procedure dbo.Secret 100%
-- [dbo].[Secret 100%] was not extracted: the server gave no definition (created WITH ENCRYPTION, or the login lacks VIEW DEFINITION)
RAISERROR (N'[dbo].[Secret 100%%] was not extracted: the server gave no definition (created WITH ENCRYPTION, or the login lacks VIEW DEFINITION)', 16, 1);
GO
-- object: view sales.OpenOrders (needs sales.Orders)
-- open orders only
CREATE VIEW sales.OpenOrders
AS
SELECT id, customer_id, qty FROM sales.Orders WHERE status = 'open'
GO
-- object: trigger sales.trOrders_ins (needs sales.Orders)
CREATE TRIGGER sales.trOrders_ins ON sales.Orders AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE o SET status = 'new' FROM sales.Orders AS o JOIN inserted AS i ON i.id = o.id;
END
GO
-- object: synonym dbo.Ord
CREATE SYNONYM [dbo].[Ord] FOR [sales].[Orders];
GO
-- object: table dbo.Customers (partitioning on scheme PS_ByYear) (needs dbo.Customers)
-- [dbo].[Customers]: its partitioning on scheme PS_ByYear was not extracted (sqlshift's SQL Server reader does not script it)
RAISERROR (N'[dbo].[Customers]: its partitioning on scheme PS_ByYear was not extracted (sqlshift''s SQL Server reader does not script it)', 16, 1);
GO
-- object: index dbo.IX_Customers_notes (xml index) (needs dbo.Customers)
-- [dbo].[Customers]: its xml index IX_Customers_notes was not extracted (sqlshift's SQL Server reader does not script it)
RAISERROR (N'[dbo].[Customers]: its xml index IX_Customers_notes was not extracted (sqlshift''s SQL Server reader does not script it)', 16, 1);
GO
-- object: function dbo.SplitString (clr table valued function)
-- [dbo].[SplitString] (clr table valued function) was not extracted: sqlshift's SQL Server reader does not script it
RAISERROR (N'[dbo].[SplitString] (clr table valued function) was not extracted: sqlshift''s SQL Server reader does not script it', 16, 1);
GO
-- object: property .(database)
EXEC sys.sp_addextendedproperty @name = N'Owner', @value = N'Data team | reporting';
GO
-- object: property dbo.Customers (needs dbo.Customers)
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Customers who order', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customers';
GO
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The customer''s legal name', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'Customers', @level2type = N'COLUMN', @level2name = N'name';
GO
-- object: property sales.sales
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales schema', @level0type = N'SCHEMA', @level0name = N'sales';
GO
