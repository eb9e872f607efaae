-- Triggers converted to PL/pgSQL trigger functions
CREATE TABLE dbo.OrderHeader (
    OrderID int NOT NULL PRIMARY KEY,
    Status tinyint NOT NULL,
    SubTotal money NOT NULL DEFAULT 0,
    Revision int NOT NULL DEFAULT 0
);
GO
CREATE TABLE dbo.OrderDetail (
    OrderID int NOT NULL,
    LineID int NOT NULL,
    Qty int NOT NULL,
    Price money NOT NULL,
    PRIMARY KEY (OrderID, LineID)
);
GO
CREATE TABLE dbo.AuditLog (
    ID int IDENTITY(1,1) PRIMARY KEY,
    Action varchar(10) NOT NULL,
    OrderID int NOT NULL
);
GO
-- AFTER INSERT, UPDATE, DELETE: one function and one trigger per event
CREATE TRIGGER dbo.tOrderDetail ON dbo.OrderDetail
AFTER INSERT, UPDATE, DELETE AS
BEGIN
    IF @@ROWCOUNT = 0
        RETURN;
    SET NOCOUNT ON;
    UPDATE dbo.OrderHeader
    SET SubTotal = (SELECT ISNULL(SUM(d.Qty * d.Price), 0) FROM dbo.OrderDetail d WHERE d.OrderID = dbo.OrderHeader.OrderID)
    WHERE OrderID IN (SELECT OrderID FROM inserted UNION SELECT OrderID FROM deleted);
    IF EXISTS (SELECT * FROM deleted) AND NOT EXISTS (SELECT * FROM inserted)
        INSERT INTO dbo.AuditLog (Action, OrderID) SELECT 'delete', OrderID FROM deleted;
END;
GO
-- UPDATE(col) and a rollback that rejects the statement
CREATE TRIGGER dbo.uOrderHeader ON dbo.OrderHeader
AFTER UPDATE AS
BEGIN
    IF UPDATE(Status)
    BEGIN
        IF EXISTS (SELECT * FROM inserted WHERE Status > 5)
        BEGIN
            RAISERROR('Status must be 5 or less', 16, 1);
            ROLLBACK TRANSACTION;
            RETURN;
        END
        UPDATE dbo.OrderHeader SET Revision = Revision + 1
        WHERE OrderID IN (SELECT OrderID FROM inserted);
    END
END;
GO
-- INSTEAD OF DELETE on a table: the rows are kept
CREATE TRIGGER dbo.dOrderHeader ON dbo.OrderHeader
INSTEAD OF DELETE AS
BEGIN
    INSERT INTO dbo.AuditLog (Action, OrderID) SELECT 'refused', OrderID FROM deleted;
    PRINT 'orders are never deleted';
END;
GO
