-- behaviour: (MySQL) triggers: AFTER INSERT/UPDATE/DELETE with inserted/deleted, UPDATE(col), INSTEAD OF on a view
CREATE TABLE dbo.Items (
    ItemID int NOT NULL PRIMARY KEY,
    Name nvarchar(40) NOT NULL,
    Price decimal(10,2) NOT NULL
)
GO
CREATE TABLE dbo.Audit (
    ID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Action varchar(10) NOT NULL,
    NRows int NOT NULL
)
GO
CREATE TABLE dbo.PriceLog (ItemID int NOT NULL, OldPrice decimal(10,2) NOT NULL, NewPrice decimal(10,2) NOT NULL)
GO
CREATE VIEW dbo.vItems AS SELECT ItemID, Name, Price FROM dbo.Items
GO

-- routine: dbo.trg_items_ins
-- kept: SS4227 at 27:1
-- expect-item: SS4003 at 27:1
-- call: INSERT INTO items (itemid, name, price) VALUES (1, 'bolt', 0.50), (2, 'nut', 0.20);
--   SELECT action, nrows FROM audit ORDER BY id
-- expect-rows:
-- insert|2
-- because: a T-SQL trigger fires once per statement; inserted holds both rows
CREATE TRIGGER dbo.trg_items_ins ON dbo.Items AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON
    INSERT INTO dbo.Audit (Action, NRows) SELECT 'insert', COUNT(*) FROM inserted
END
GO

-- routine: dbo.trg_items_price
-- expect-item: SS4226 at 55:1
-- call: INSERT INTO items (itemid, name, price) VALUES (1, 'bolt', 0.50), (2, 'nut', 0.20);
--   UPDATE items SET name = 'bolt M6' WHERE itemid = 1;
--   SELECT count(*) FROM pricelog
-- expect-rows:
-- 0
-- because: UPDATE(Price) is false when Price is not in the SET list (the rows are inserted here: the AFTER INSERT trigger of this case is kept verbatim for MySQL)
-- call: UPDATE items SET price = price * 2;
--   SELECT itemid, oldprice, newprice FROM pricelog ORDER BY 1
-- expect-rows:
-- 1|0.50|1.00
-- 2|0.20|0.40
-- because: UPDATE(Price) is true; deleted holds the old rows, inserted the new ones
-- call: UPDATE items SET price = price WHERE itemid = 2;
--   SELECT count(*) FROM pricelog
-- expect-rows:
-- 3
-- because: UPDATE(Price) is true whenever Price is assigned, even to the same value
-- flagged: SS4228 at 59:8
CREATE TRIGGER dbo.trg_items_price ON dbo.Items AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON
    IF UPDATE(Price)
        INSERT INTO dbo.PriceLog (ItemID, OldPrice, NewPrice)
        SELECT d.ItemID, d.Price, i.Price
        FROM deleted d INNER JOIN inserted i ON i.ItemID = d.ItemID
END
GO

-- routine: dbo.trg_items_del
-- kept: SS4227 at 80:1
-- expect-item: SS4003 at 80:1
-- call: DELETE FROM items WHERE itemid = 99;
--   SELECT action, nrows FROM audit WHERE action = 'delete' ORDER BY id
-- expect-rows:
-- delete|0
-- because: a statement trigger fires even when the DELETE removes no row; deleted is empty
-- call: DELETE FROM items WHERE itemid = 2;
--   SELECT action, nrows FROM audit WHERE action = 'delete' ORDER BY id
-- expect-rows:
-- delete|0
-- delete|1
-- because: one row deleted: one more audit row with the count of deleted
CREATE TRIGGER dbo.trg_items_del ON dbo.Items AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON
    INSERT INTO dbo.Audit (Action, NRows) SELECT 'delete', COUNT(*) FROM deleted
END
GO

-- routine: dbo.trg_vitems_ins
-- kept: SS4227 at 101:1
-- expect-item: SS4003 at 101:1
-- call: INSERT INTO vitems (itemid, name, price) VALUES (7, 'washer', 0.10);
--   SELECT itemid, name, price FROM items WHERE itemid = 7
-- expect-rows:
-- 7|WASHER|0.10
-- because: INSTEAD OF INSERT on the view runs the trigger instead of the insert; it stores the name upper-cased
-- call: SELECT action, nrows FROM audit WHERE action = 'insert' ORDER BY id
-- expect-rows:
-- insert|2
-- insert|1
-- because: the trigger's own INSERT into Items fires the AFTER INSERT trigger once
CREATE TRIGGER dbo.trg_vitems_ins ON dbo.vItems INSTEAD OF INSERT
AS
BEGIN
    SET NOCOUNT ON
    INSERT INTO dbo.Items (ItemID, Name, Price)
    SELECT ItemID, UPPER(Name), Price FROM inserted
END
GO
