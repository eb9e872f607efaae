-- Server maintenance and statistics commands in a T-SQL script.
CREATE TABLE dbo.Orders (
    OrderID int IDENTITY(1,1) PRIMARY KEY,
    Note varchar(20) NULL
);
GO
INSERT INTO dbo.Orders (Note) VALUES ('old');
-- TRUNCATE resets the identity seed in SQL Server: RESTART IDENTITY
TRUNCATE TABLE dbo.Orders;
INSERT INTO dbo.Orders (Note) VALUES ('new');
GO
-- no terminators: each line is its own statement
UPDATE STATISTICS dbo.Orders
UPDATE STATISTICS Orders
UPDATE STATISTICS dbo.Orders WITH FULLSCAN;
CHECKPOINT
DBCC CHECKIDENT ('dbo.Orders', RESEED, 100)
GO
-- progress messages: PRINT and informational RAISERROR (severity <= 10) are
-- output only; severity 16 stops the batch and stays procedural code
PRINT 'Loading orders'
RAISERROR('Now at %s ....', 0, 1, 'orders') WITH NOWAIT
RAISERROR('Setup failed', 16, 1)
GO
