-- behaviour: string comparisons in the queries of a routine: case-insensitive and blank-padded WHERE and IN under the default collation, one item per statement
-- Each statement that compares strings in a converted routine carries its
-- own SS2020 item (once per statement, at the first comparison).
CREATE TABLE dbo.Customers (
    Id int NOT NULL PRIMARY KEY,
    Name varchar(20) NOT NULL,
    Country char(3) NOT NULL
)
GO
INSERT INTO dbo.Customers VALUES (1, 'Alice', 'FRA');
INSERT INTO dbo.Customers VALUES (2, 'bob', 'GBR');
INSERT INTO dbo.Customers VALUES (3, 'Carol ', 'fra');
INSERT INTO dbo.Customers VALUES (4, 'dave', 'DEU');
GO

-- routine: dbo.usp_count_named
-- call: CALL usp_count_named('ALICE', NULL)
-- expect-rows:
-- 1
-- because: Name = 'ALICE' finds 'Alice' under the case-insensitive collation
-- flagged: SS2020 at 35:51
-- call: CALL usp_count_named('carol', NULL)
-- expect-rows:
-- 1
-- because: 'Carol ' (stored with a trailing blank) equals 'carol': case and trailing blanks are ignored
-- flagged: SS2020 at 35:51
-- call: CALL usp_count_named('bob', NULL)
-- expect-rows:
-- 1
-- because: same case, no blanks: found in both
CREATE PROCEDURE dbo.usp_count_named @name varchar(20), @n int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    SELECT @n = COUNT(*) FROM dbo.Customers WHERE Name = @name
END
GO

-- routine: dbo.usp_count_country
-- expect-item: SS2020 at 55:56
-- call: CALL usp_count_country('FRA', NULL, NULL)
-- expect-rows:
-- 2|2
-- because: Country = 'FRA' and IN ('FRA') match 'FRA' and 'fra' (case-insensitive)
-- flagged: SS2020 at 54:52
-- call: CALL usp_count_country('GBR', NULL, NULL)
-- expect-rows:
-- 1|1
-- because: one customer in GBR
CREATE PROCEDURE dbo.usp_count_country @country char(3), @eq int OUTPUT, @inlist int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    SELECT @eq = COUNT(*) FROM dbo.Customers WHERE Country = @country
    SELECT @inlist = COUNT(*) FROM dbo.Customers WHERE Country IN (@country, 'XXX')
END
GO
