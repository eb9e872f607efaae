-- behaviour: AdventureWorks scalar functions (ufnLeadingZeros, ufnGetDocumentStatusText, udfTwoDigitZeroFill, udfMinimumDate, udfBuildISO8601Date)
-- Copied from the corpus (tests/corpus/tsql/adventureworks_instawdb.sql and
-- adventureworksdw_instawdbdw.sql); they need no tables.

-- routine: dbo.ufnLeadingZeros
-- call: SELECT ufnleadingzeros(42)
-- expect-rows:
-- 00000042
-- because: CONVERT(varchar(8), 42) is '42' (2 bytes), REPLICATE('0', 6) in front
-- call: SELECT ufnleadingzeros(12345678)
-- expect-rows:
-- 12345678
-- because: 8 - DATALENGTH = 0: REPLICATE('0', 0) is ''
-- call: SELECT ufnleadingzeros(-5)
-- expect-rows:
-- 000000-5
-- because: CONVERT gives '-5' (2 bytes), the zeros go before the sign
CREATE FUNCTION [dbo].[ufnLeadingZeros](
    @Value int
)
RETURNS varchar(8)
WITH SCHEMABINDING
AS
BEGIN
    DECLARE @ReturnValue varchar(8);

    SET @ReturnValue = CONVERT(varchar(8), @Value);
    SET @ReturnValue = REPLICATE('0', 8 - DATALENGTH(@ReturnValue)) + @ReturnValue;

    RETURN (@ReturnValue);
END;
GO

-- routine: dbo.ufnGetDocumentStatusText
-- call: SELECT ufngetdocumentstatustext(2)
-- expect-rows:
-- Approved
-- because: CASE @Status WHEN 2
-- call: SELECT ufngetdocumentstatustext(9)
-- expect-rows:
-- ** Invalid **
-- because: no WHEN matches: ELSE
-- call: SELECT ufngetdocumentstatustext(NULL)
-- expect-rows:
-- ** Invalid **
-- because: a simple CASE compares with =, and NULL = 1 is not true: ELSE
CREATE FUNCTION [dbo].[ufnGetDocumentStatusText](@Status [tinyint])
RETURNS [nvarchar](16)
AS
-- Returns the sales order status text representation for the status value.
BEGIN
    DECLARE @ret [nvarchar](16);

    SET @ret =
        CASE @Status
            WHEN 1 THEN N'Pending approval'
            WHEN 2 THEN N'Approved'
            WHEN 3 THEN N'Obsolete'
            ELSE N'** Invalid **'
        END;

    RETURN @ret
END;
GO

-- routine: dbo.udfTwoDigitZeroFill
-- call: SELECT udftwodigitzerofill(5)
-- expect-rows:
-- 05
-- because: @number <= 9: '0' + '5'
-- call: SELECT udftwodigitzerofill(42)
-- expect-rows:
-- 42
-- because: @number > 9: convert(char(2), 42)
CREATE FUNCTION [dbo].[udfTwoDigitZeroFill] (@number int)
RETURNS char(2)
AS
BEGIN
	DECLARE @result char(2);
	IF @number > 9
		SET @result = convert(char(2), @number);
	ELSE
		SET @result = convert(char(2), '0' + convert(varchar, @number));
	RETURN @result;
END;
GO

-- routine: dbo.udfMinimumDate
-- call: SELECT udfminimumdate('2024-01-02', '2023-12-31')
-- expect-rows:
-- 2023-12-31 00:00:00
-- because: @x <= @y is false: @z = @y
-- call: SELECT udfminimumdate(NULL, '2024-01-01')
-- expect-rows:
-- 2024-01-01 00:00:00
-- because: NULL <= date is unknown, so IF takes the ELSE branch: @z = @y
CREATE FUNCTION [dbo].[udfMinimumDate] (
    @x DATETIME,
    @y DATETIME
) RETURNS DATETIME
AS
BEGIN
    DECLARE @z DATETIME

    IF @x <= @y
        SET @z = @x
    ELSE
        SET @z = @y

    RETURN(@z)
END;
GO

-- routine: dbo.udfBuildISO8601Date
-- call: SELECT udfbuildiso8601date(2024, 2, 9)
-- expect-rows:
-- 2024-02-09 00:00:00
-- because: '2024' + '-' + '02' + '-' + '09' + 'T00:00:00' cast to datetime
CREATE FUNCTION [dbo].[udfBuildISO8601Date] (@year int, @month int, @day int)
RETURNS datetime
AS
BEGIN
	RETURN cast(convert(varchar, @year) + '-' + [dbo].[udfTwoDigitZeroFill](@month)
	    + '-' + [dbo].[udfTwoDigitZeroFill](@day) + 'T00:00:00'
	    as datetime);
END;
GO
