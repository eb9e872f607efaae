CREATE TABLE dbo.Stock (ProductID int NOT NULL PRIMARY KEY, Qty int NOT NULL, Note varchar(20) NULL)
CREATE TABLE dbo.Moves (ProductID int NOT NULL, Delta int NOT NULL)
GO
UPDATE s SET s.Qty = s.Qty + m.Delta, Note = 'moved'
FROM dbo.Stock s INNER JOIN dbo.Moves m ON m.ProductID = s.ProductID
WHERE m.Delta <> 0
GO
DELETE FROM s FROM dbo.Stock s JOIN dbo.Moves m ON m.ProductID = s.ProductID WHERE s.Qty < 0
GO
UPDATE dbo.Stock SET Qty += 1 WHERE ProductID IN (SELECT ProductID FROM dbo.Moves)
GO
