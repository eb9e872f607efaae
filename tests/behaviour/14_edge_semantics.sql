-- behaviour: edge cases of T-SQL semantics: CAST to int, ROUND, ISNULL typing, case-insensitive and blank-padded comparisons, REPLACE, LIKE, char/varchar CASE
-- SQL Server's default collation (SQL_Latin1_General_CP1_CI_AS) compares
-- case-insensitively and ignores trailing blanks; each routine isolates one
-- rule. Where PostgreSQL cannot give the T-SQL answer with the same code, the
-- converter reports an action item at the construct (declared "flagged").

-- routine: dbo.fn_to_int
-- call: SELECT fn_to_int(2.70)
-- expect-rows:
-- 2
-- because: converting decimal to int truncates the fraction in T-SQL (PostgreSQL's cast rounds)
-- call: SELECT fn_to_int(-2.70)
-- expect-rows:
-- -2
-- because: the truncation is toward zero
-- call: SELECT fn_to_int(NULL)
-- expect-rows:
-- (null)
-- because: CAST(NULL AS int) is NULL
CREATE FUNCTION dbo.fn_to_int (@x decimal(10,2)) RETURNS int
AS
BEGIN
    RETURN CAST(@x AS int)
END
GO

-- routine: dbo.fn_convert_int
-- call: SELECT fn_convert_int(7.99)
-- expect-rows:
-- 7
-- because: CONVERT(int, x) truncates like CAST
-- call: SELECT fn_convert_int(-0.5)
-- expect-rows:
-- 0
-- because: -0.5 truncated toward zero is 0
CREATE FUNCTION dbo.fn_convert_int (@x numeric(8,3)) RETURNS int
AS
BEGIN
    DECLARE @i int
    SET @i = CONVERT(int, @x)
    RETURN @i
END
GO

-- routine: dbo.fn_round
-- call: SELECT fn_round(2.50)
-- expect-rows:
-- 3.00
-- because: ROUND on decimal rounds half away from zero
-- call: SELECT fn_round(-2.50)
-- expect-rows:
-- -3.00
-- because: half away from zero also for negative values
-- call: SELECT fn_round(2.45)
-- expect-rows:
-- 2.00
-- because: 2.45 rounds down to 2
CREATE FUNCTION dbo.fn_round (@x decimal(10,2)) RETURNS decimal(10,2)
AS
BEGIN
    RETURN ROUND(@x, 0)
END
GO

-- routine: dbo.fn_isnull_int
-- call: SELECT fn_isnull_int(NULL)
-- expect-rows:
-- 2.00
-- because: ISNULL returns the type of its first argument (int): 2.7 is converted to int, which truncates to 2
-- call: SELECT fn_isnull_int(5)
-- expect-rows:
-- 5.00
-- because: not NULL: the argument itself
CREATE FUNCTION dbo.fn_isnull_int (@n int) RETURNS decimal(10,2)
AS
BEGIN
    RETURN ISNULL(@n, 2.7)
END
GO

-- routine: dbo.fn_isnull_char
-- call: SELECT fn_isnull_char(NULL) || '|'
-- expect-rows:
-- ABCD|
-- because: ISNULL returns char(4), the first argument's type: 'ABCDEF' is cut to 'ABCD'
CREATE FUNCTION dbo.fn_isnull_char (@c char(4)) RETURNS varchar(10)
AS
BEGIN
    DECLARE @d varchar(10)
    SET @d = 'ABCDEF'
    RETURN ISNULL(@c, @d)
END
GO

-- routine: dbo.fn_concat_null
-- call: SELECT fn_concat_null('x', NULL)
-- expect-rows:
-- (null)
-- because: CONCAT_NULL_YIELDS_NULL is ON: 'x' + NULL is NULL
-- call: SELECT fn_concat_null('', 'y')
-- expect-rows:
-- y
-- because: '' is an empty string, not NULL, in T-SQL
CREATE FUNCTION dbo.fn_concat_null (@a varchar(10), @b varchar(10)) RETURNS varchar(20)
AS
BEGIN
    RETURN @a + @b
END
GO

-- routine: dbo.fn_blank_len
-- call: SELECT fn_blank_len('   ')
-- expect-rows:
-- 0
-- because: LEN does not count trailing blanks: a string of blanks has length 0
-- call: SELECT fn_blank_len('')
-- expect-rows:
-- 0
-- because: LEN('') is 0 ('' is not NULL)
-- call: SELECT fn_blank_len('  a')
-- expect-rows:
-- 3
-- because: leading blanks count
CREATE FUNCTION dbo.fn_blank_len (@s varchar(10)) RETURNS int
AS
BEGIN
    RETURN LEN(@s)
END
GO

-- routine: dbo.fn_substr
-- call: SELECT fn_substr('abcdef', 0, 3)
-- expect-rows:
-- ab
-- because: SUBSTRING counts positions before 1 in the length: positions 0, 1, 2 give 'ab'
-- call: SELECT fn_substr('abcdef', -1, 3)
-- expect-rows:
-- a
-- because: positions -1, 0, 1 give 'a'
-- call: SELECT fn_substr('abcdef', 5, 10)
-- expect-rows:
-- ef
-- because: a length past the end stops at the end
CREATE FUNCTION dbo.fn_substr (@s varchar(20), @start int, @len int) RETURNS varchar(20)
AS
BEGIN
    RETURN SUBSTRING(@s, @start, @len)
END
GO

-- routine: dbo.fn_is_empty
-- call: SELECT fn_is_empty('')
-- expect-rows:
-- 1
-- because: '' = '' is true
-- call: SELECT fn_is_empty(NULL)
-- expect-rows:
-- 0
-- because: NULL = '' is unknown: the IF takes the ELSE
-- call: SELECT fn_is_empty('  ')
-- expect-rows:
-- 1
-- because: = ignores trailing blanks: '  ' = ''
-- flagged: SS2020 at 168:8
CREATE FUNCTION dbo.fn_is_empty (@s varchar(10)) RETURNS int
AS
BEGIN
    IF @s = ''
        RETURN 1
    RETURN 0
END
GO

-- routine: dbo.fn_before
-- call: SELECT fn_before('a', 'B')
-- expect-rows:
-- 1
-- because: the case-insensitive collation sorts 'a' before 'B' (byte order would put 'B' first)
-- flagged: SS2020 at 187:8
-- call: SELECT fn_before('b', 'a')
-- expect-rows:
-- 0
-- because: 'b' sorts after 'a'
CREATE FUNCTION dbo.fn_before (@a varchar(10), @b varchar(10)) RETURNS int
AS
BEGIN
    IF @a < @b
        RETURN 1
    RETURN 0
END
GO

-- routine: dbo.fn_is_yes
-- call: SELECT fn_is_yes('Y')
-- expect-rows:
-- 1
-- because: 'Y' is in the list
-- call: SELECT fn_is_yes('yes')
-- expect-rows:
-- 1
-- because: IN compares with the case-insensitive collation: 'yes' = 'YES'
-- flagged: SS2020 at 206:8
CREATE FUNCTION dbo.fn_is_yes (@s varchar(5)) RETURNS int
AS
BEGIN
    IF @s IN ('Y', 'YES')
        RETURN 1
    RETURN 0
END
GO

-- routine: dbo.fn_starts_ab
-- call: SELECT fn_starts_ab('abc')
-- expect-rows:
-- 1
-- because: 'abc' starts with 'ab'
-- call: SELECT fn_starts_ab('ABC')
-- expect-rows:
-- 1
-- because: LIKE compares with the case-insensitive collation
-- flagged: SS2020 at 225:8
CREATE FUNCTION dbo.fn_starts_ab (@s varchar(10)) RETURNS int
AS
BEGIN
    IF @s LIKE 'ab%'
        RETURN 1
    RETURN 0
END
GO

-- routine: dbo.fn_dash
-- call: SELECT fn_dash('axa')
-- expect-rows:
-- a-a
-- because: REPLACE replaces every occurrence
-- call: SELECT fn_dash('aXa')
-- expect-rows:
-- a-a
-- because: REPLACE matches with the collation of its input, case-insensitive by default: 'X' matches 'x'
-- flagged: SS2020 at 244:12
CREATE FUNCTION dbo.fn_dash (@s varchar(10)) RETURNS varchar(10)
AS
BEGIN
    RETURN REPLACE(@s, 'x', '-')
END
GO

-- routine: dbo.fn_pos
-- call: SELECT fn_pos('abc')
-- expect-rows:
-- 2
-- because: CHARINDEX('B', 'abc') finds 'b' under the case-insensitive collation
-- flagged: SS2020 at 257:12
CREATE FUNCTION dbo.fn_pos (@s varchar(10)) RETURNS int
AS
BEGIN
    RETURN CHARINDEX('B', @s)
END
GO

-- routine: dbo.fn_code_or_all
-- call: SELECT fn_code_or_all(1, 'ab')
-- expect-rows:
-- ALL|
-- because: the CASE takes 'ALL'
-- call: SELECT fn_code_or_all(0, 'ab')
-- expect-rows:
-- ab    |
-- because: CASE of varchar and char(6) is varchar(6) (varchar outranks char); the char(6) value keeps its padding 'ab    ' when converted
-- flagged: SS2034 at 274:12
CREATE FUNCTION dbo.fn_code_or_all (@all int, @code char(6)) RETURNS varchar(10)
AS
BEGIN
    RETURN CASE WHEN @all = 1 THEN 'ALL' ELSE @code END + '|'
END
GO

-- routine: dbo.fn_same_code
-- call: SELECT fn_same_code('0877')
-- expect-rows:
-- 1
-- because: char(4) '0877' equals the literal
-- call: SELECT fn_same_code('087')
-- expect-rows:
-- 0
-- because: '087 ' (char(4)) differs from '0877'
CREATE FUNCTION dbo.fn_same_code (@c char(4)) RETURNS int
AS
BEGIN
    IF @c = '0877'
        RETURN 1
    RETURN 0
END
GO

-- routine: dbo.fn_ret_int
-- call: SELECT fn_ret_int(2.70)
-- expect-rows:
-- 2
-- because: RETURN converts the decimal to the int return type, which truncates
-- call: SELECT fn_ret_int(-2.70)
-- expect-rows:
-- -2
-- because: toward zero
CREATE FUNCTION dbo.fn_ret_int (@x decimal(5,2)) RETURNS int
AS
BEGIN
    RETURN @x
END
GO

-- routine: dbo.fn_set_int
-- call: SELECT fn_set_int(1.35)
-- expect-rows:
-- 2
-- because: SET @i = 2.70 converts to int by truncation
CREATE FUNCTION dbo.fn_set_int (@x decimal(5,2)) RETURNS int
AS
BEGIN
    DECLARE @i int
    SET @i = @x * 2
    RETURN @i
END
GO

-- routine: dbo.fn_short
-- call: SELECT fn_short('abcdef')
-- expect-rows:
-- abc
-- because: assigning a longer string to a varchar(3) variable cuts it silently (no error)
-- call: SELECT fn_short('ab')
-- expect-rows:
-- ab
-- because: a string that fits is kept
CREATE FUNCTION dbo.fn_short (@s varchar(20)) RETURNS varchar(10)
AS
BEGIN
    DECLARE @short varchar(3) = @s
    RETURN @short
END
GO

-- routine: dbo.fn_ret_short
-- call: SELECT fn_ret_short('abcdef')
-- expect-rows:
-- abc
-- because: RETURN converts to the varchar(3) return type, which cuts the string
CREATE FUNCTION dbo.fn_ret_short (@s varchar(20)) RETURNS varchar(3)
AS
BEGIN
    RETURN @s
END
GO

-- routine: dbo.fn_third
-- call: SELECT fn_third(1.00, 1.00)
-- expect-rows:
-- 0.67
-- because: the quotient 0.666666... is converted to the decimal(10,2) return type: rounded to 2 decimals
CREATE FUNCTION dbo.fn_third (@a decimal(10,2), @b decimal(10,2)) RETURNS decimal(10,2)
AS
BEGIN
    RETURN (@a + @b) / 3
END
GO

-- routine: dbo.fn_round_int
-- call: SELECT fn_round_int(2.76)
-- expect-rows:
-- 2
-- because: ROUND(2.76, 1) is 2.80, and RETURN converts it to int by truncation
CREATE FUNCTION dbo.fn_round_int (@x decimal(5,2)) RETURNS int
AS
BEGIN
    RETURN ROUND(@x, 1)
END
GO

-- routine: dbo.fn_or_zero
-- call: SELECT fn_or_zero(2.70)
-- expect-rows:
-- 2
-- because: ISNULL(2.70, 0) is 2.70, truncated to the int return type
-- call: SELECT fn_or_zero(NULL)
-- expect-rows:
-- 0
-- because: NULL is replaced by 0
CREATE FUNCTION dbo.fn_or_zero (@x decimal(5,2)) RETURNS int
AS
BEGIN
    RETURN ISNULL(@x, 0)
END
GO

-- routine: dbo.fn_label
-- call: SELECT fn_label('ab', 'cdef')
-- expect-rows:
-- ab-cd
-- because: the concatenation 'ab-cdef' is cut to the varchar(5) variable's length
CREATE FUNCTION dbo.fn_label (@a varchar(2), @b varchar(4)) RETURNS varchar(10)
AS
BEGIN
    DECLARE @l varchar(5)
    SET @l = @a + '-' + @b
    RETURN @l
END
GO
