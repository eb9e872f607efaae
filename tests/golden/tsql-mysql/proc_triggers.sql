-- T-SQL triggers to MySQL row triggers (one per event)
CREATE TABLE dbo.Items (ItemID int NOT NULL PRIMARY KEY, Qty int NOT NULL, Price decimal(8,2) NOT NULL);
GO
CREATE TABLE dbo.ItemLog (ItemID int NOT NULL, Action char(1) NOT NULL, OldQty int NULL, NewQty int NULL);
GO
CREATE VIEW dbo.ItemView AS SELECT ItemID, Qty FROM dbo.Items;
GO
CREATE TRIGGER dbo.trg_Items_Log ON dbo.Items AFTER INSERT, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.ItemLog (ItemID, Action, OldQty, NewQty)
    SELECT COALESCE(i.ItemID, d.ItemID),
           CASE WHEN d.ItemID IS NULL THEN 'I' WHEN i.ItemID IS NULL THEN 'D' ELSE 'U' END,
           d.Qty, i.Qty
    FROM inserted i FULL JOIN deleted d ON d.ItemID = i.ItemID;
END
GO
CREATE TRIGGER dbo.trg_Items_Upd ON dbo.Items AFTER UPDATE
AS
BEGIN
    INSERT INTO dbo.ItemLog (ItemID, Action, OldQty, NewQty)
    SELECT i.ItemID, 'U', d.Qty, i.Qty
    FROM inserted i JOIN deleted d ON d.ItemID = i.ItemID
    WHERE i.Qty <> d.Qty;
END
GO
-- a FULL JOIN of the two sides stays one in the UPDATE event: kept verbatim
CREATE TRIGGER dbo.trg_Items_Full ON dbo.Items AFTER UPDATE
AS
    INSERT INTO dbo.ItemLog (ItemID, Action)
    SELECT COALESCE(i.ItemID, d.ItemID), 'X' FROM inserted i FULL JOIN deleted d ON d.ItemID = i.ItemID;
GO
CREATE TRIGGER dbo.trg_Items_Check ON dbo.Items FOR INSERT, UPDATE
AS
BEGIN
    IF UPDATE(Price) AND EXISTS (SELECT 1 FROM inserted WHERE Price < 0)
    BEGIN
        RAISERROR('Price cannot be negative', 16, 1);
        ROLLBACK TRANSACTION;
        RETURN;
    END
END
GO
CREATE TRIGGER dbo.trg_Items_Count ON dbo.Items AFTER DELETE
AS
BEGIN
    IF (SELECT COUNT(*) FROM deleted) > 5
        ROLLBACK;
END
GO
CREATE TRIGGER dbo.trg_ItemView_Ins ON dbo.ItemView INSTEAD OF INSERT
AS
BEGIN
    INSERT INTO dbo.Items (ItemID, Qty, Price) SELECT ItemID, Qty, 0 FROM inserted;
END
GO
