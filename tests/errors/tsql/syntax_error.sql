CREATE TABLE good1 (a int)
GO
CREATE TABLE bad (a int,, b int)
GO
CREATE TABLE good2 (c int)
GO
