-- a staging table created, used and dropped by the script must be gone at the end
IF OBJECT_ID('dbo.Target') IS NOT NULL DROP TABLE dbo.Target
GO
CREATE TABLE dbo.Target (id int NOT NULL PRIMARY KEY)
GO
CREATE TABLE dbo.Staging (id int NOT NULL)
GO
INSERT INTO dbo.Staging (id) VALUES (1)
INSERT INTO dbo.Target (id) SELECT id FROM dbo.Staging
GO
DROP TABLE dbo.Staging
GO
