-- behaviour: (MySQL) scalar functions: integer division, NULL concatenation, DATEDIFF, DATEADD
-- Scalar user functions called from SELECT. Each one isolates one T-SQL rule
-- that PostgreSQL does not share by default.

-- routine: dbo.fn_div
-- call: SELECT fn_div(7, 2)
-- expect-rows:
-- 3
-- because: int / int is integer division in T-SQL; 7 / 2 = 3
-- call: SELECT fn_div(-7, 2)
-- expect-rows:
-- -3
-- because: T-SQL integer division truncates toward zero (not floor): -7 / 2 = -3
-- call: SELECT fn_div(1, 0)
-- expect-error: 22012 Division by 0
-- because: T-SQL raises error 8134 "Divide by zero error encountered" (ARITHABORT on)
CREATE FUNCTION dbo.fn_div (@a int, @b int) RETURNS int
AS
BEGIN
    RETURN @a / @b
END
GO

-- routine: dbo.fn_full_name
-- call: SELECT fn_full_name(N'Ada', N'Lovelace')
-- expect-rows:
-- Ada Lovelace
-- because: + concatenates strings
-- call: SELECT fn_full_name(N'Ada', NULL)
-- expect-rows:
-- (null)
-- because: with CONCAT_NULL_YIELDS_NULL ON (the default) 'x' + NULL is NULL
CREATE FUNCTION dbo.fn_full_name (@first nvarchar(20), @last nvarchar(20)) RETURNS nvarchar(41)
AS
BEGIN
    RETURN @first + N' ' + @last
END
GO

-- routine: dbo.fn_days_between
-- call: SELECT fn_days_between('2024-02-27', '2024-03-01')
-- expect-rows:
-- 3
-- because: DATEDIFF(day, ...) counts day boundaries; 2024 is a leap year (27, 28, 29 Feb -> 1 Mar)
-- call: SELECT fn_days_between('2024-03-01', '2024-02-27')
-- expect-rows:
-- -3
-- because: DATEDIFF is negative when the end is before the start
CREATE FUNCTION dbo.fn_days_between (@d1 date, @d2 date) RETURNS int
AS
BEGIN
    RETURN DATEDIFF(day, @d1, @d2)
END
GO

-- routine: dbo.fn_months_between
-- call: SELECT fn_months_between('2024-01-31', '2024-02-01')
-- expect-rows:
-- 1
-- because: DATEDIFF(month, ...) counts month boundaries crossed, not whole months: Jan 31 -> Feb 1 is 1
-- call: SELECT fn_months_between('2024-01-01', '2024-01-31')
-- expect-rows:
-- 0
-- because: no month boundary between 1 and 31 January
CREATE FUNCTION dbo.fn_months_between (@d1 datetime, @d2 datetime) RETURNS int
AS
BEGIN
    RETURN DATEDIFF(month, @d1, @d2)
END
GO

-- routine: dbo.fn_next_month
-- call: SELECT fn_next_month('2024-01-31')
-- expect-rows:
-- 2024-02-29
-- because: DATEADD(month, 1, ...) keeps the day when it exists, else the month's last day
-- call: SELECT fn_next_month('2023-12-15')
-- expect-rows:
-- 2024-01-15
-- because: DATEADD rolls over the year
CREATE FUNCTION dbo.fn_next_month (@d date) RETURNS date
AS
BEGIN
    RETURN DATEADD(month, 1, @d)
END
GO
