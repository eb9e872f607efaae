-- behaviour: (MySQL) string functions and comparisons: LEN, CHARINDEX, ISNULL, IIF, case-insensitive and blank-padded equality
-- SQL Server's default collation (SQL_Latin1_General_CP1_CI_AS) compares
-- case-insensitively and ignores trailing blanks in =.

-- routine: dbo.fn_len
-- call: SELECT fn_len('ab  ')
-- expect-rows:
-- 2
-- because: LEN does not count trailing blanks
-- call: SELECT fn_len(NULL)
-- expect-rows:
-- (null)
-- because: LEN(NULL) is NULL
CREATE FUNCTION dbo.fn_len (@s varchar(20)) RETURNS int
AS
BEGIN
    RETURN LEN(@s)
END
GO

-- routine: dbo.fn_find
-- call: SELECT fn_find('b', 'abc')
-- expect-rows:
-- 2
-- because: CHARINDEX is 1-based
-- call: SELECT fn_find('z', 'abc')
-- expect-rows:
-- 0
-- because: CHARINDEX gives 0 when the string is not found
CREATE FUNCTION dbo.fn_find (@needle varchar(10), @hay varchar(50)) RETURNS int
AS
BEGIN
    RETURN CHARINDEX(@needle, @hay)
END
GO

-- routine: dbo.fn_same
-- call: SELECT fn_same('abc', 'ABC')
-- expect-rows:
-- 1
-- because: the default collation is case-insensitive: 'abc' = 'ABC'
-- call: SELECT fn_same('abc', 'abc  ')
-- expect-rows:
-- 1
-- because: = ignores trailing blanks
-- call: SELECT fn_same('abc', 'abd')
-- expect-rows:
-- 0
-- because: different strings
CREATE FUNCTION dbo.fn_same (@a varchar(10), @b varchar(10)) RETURNS int
AS
BEGIN
    IF @a = @b
        RETURN 1
    RETURN 0
END
GO

-- routine: dbo.fn_default_code
-- call: SELECT fn_default_code(NULL)
-- expect-rows:
-- def
-- because: ISNULL returns the type of its first argument (varchar(3)): 'default' is cut to 'def'
-- call: SELECT fn_default_code('xy')
-- expect-rows:
-- xy
-- because: not NULL: the argument itself
CREATE FUNCTION dbo.fn_default_code (@code varchar(3)) RETURNS varchar(10)
AS
BEGIN
    RETURN ISNULL(@code, 'default')
END
GO

-- routine: dbo.fn_parity
-- call: SELECT fn_parity(4)
-- expect-rows:
-- even
-- because: IIF(4 % 2 = 0, ...) takes the first value
-- call: SELECT fn_parity(-3)
-- expect-rows:
-- odd
-- because: -3 % 2 is -1 in T-SQL (the sign of the dividend), not 0
-- call: SELECT fn_parity(NULL)
-- expect-rows:
-- odd
-- because: NULL % 2 = 0 is unknown: IIF takes the second value
CREATE FUNCTION dbo.fn_parity (@n int) RETURNS varchar(4)
AS
BEGIN
    RETURN IIF(@n % 2 = 0, 'even', 'odd')
END
GO
