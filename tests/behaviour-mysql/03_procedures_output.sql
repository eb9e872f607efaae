-- behaviour: (MySQL) procedures with OUTPUT parameters: WHILE/BREAK/CONTINUE, SELECT @v = ..., @@ROWCOUNT, SCOPE_IDENTITY
CREATE TABLE dbo.Accounts (
    AccountID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Owner nvarchar(40) NOT NULL,
    Balance decimal(12,2) NOT NULL
)
GO
INSERT INTO dbo.Accounts (Owner, Balance) VALUES (N'ann', 100.00);
INSERT INTO dbo.Accounts (Owner, Balance) VALUES (N'bob', 50.00);
INSERT INTO dbo.Accounts (Owner, Balance) VALUES (N'cy', 0.00);
GO

-- routine: dbo.usp_double
-- call: CALL usp_double(21, @y); SELECT @y
-- expect-rows:
-- 42
-- because: an OUTPUT parameter hands its final value back to the caller
CREATE PROCEDURE dbo.usp_double @x int, @y int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    SET @y = @x * 2
END
GO

-- routine: dbo.usp_sum_to
-- call: CALL usp_sum_to(10, @t); SELECT @t
-- expect-rows:
-- 37
-- because: 1..10 without the multiples of 3 (CONTINUE skips them): 1+2+4+5+7+8+10; BREAK ends the loop after 10
-- call: CALL usp_sum_to(0, @t); SELECT @t
-- expect-rows:
-- 0
-- because: BREAK on the first pass; @total stays 0
CREATE PROCEDURE dbo.usp_sum_to @n int, @total int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    DECLARE @i int = 0
    SET @total = 0
    WHILE 1 = 1
    BEGIN
        SET @i = @i + 1
        IF @i > @n
            BREAK
        IF @i % 3 = 0
            CONTINUE
        SET @total = @total + @i
    END
END
GO

-- routine: dbo.usp_account_balance
-- expect-item: SS4201 at 67:5
-- call: CALL usp_account_balance(N'bob', @b, @f); SELECT @b, @f
-- expect-rows:
-- 50.00|1
-- because: SELECT @v = col assigns from the row found; @@ROWCOUNT is 1
-- call: SET @b = 7; CALL usp_account_balance(N'zed', @b, @f); SELECT @b, @f
-- expect-rows:
-- 7.00|0
-- because: SELECT @v = ... that finds no row leaves @v unchanged (7, not NULL); @@ROWCOUNT is 0
CREATE PROCEDURE dbo.usp_account_balance @owner nvarchar(40), @balance decimal(12,2) OUTPUT, @found int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    SELECT @balance = Balance FROM dbo.Accounts WHERE Owner = @owner
    SET @found = @@ROWCOUNT
END
GO

-- routine: dbo.usp_raise_small
-- call: CALL usp_raise_small(@u, @a); SELECT @u, @a
-- expect-rows:
-- 2|1
-- because: the UPDATE changes bob and cy (balance < 60): @@ROWCOUNT 2; SET @updated = ... is itself an assignment, after which @@ROWCOUNT is 1
-- flagged: SS4221 at 89:20
-- call: SELECT owner, balance FROM accounts ORDER BY accountid
-- expect-rows:
-- ann|100.00
-- bob|51.00
-- cy|1.00
-- because: the UPDATE added 1 to the two balances under 60
CREATE PROCEDURE dbo.usp_raise_small @updated int OUTPUT, @after_set int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    UPDATE dbo.Accounts SET Balance = Balance + 1 WHERE Balance < 60
    SET @updated = @@ROWCOUNT
    SET @after_set = @@ROWCOUNT
END
GO

-- routine: dbo.usp_open_account
-- call: CALL usp_open_account(N'dee', 10.00, @id); SELECT @id
-- expect-rows:
-- 4
-- because: SCOPE_IDENTITY() is the identity value the INSERT generated: three rows before it, seed 1, increment 1
-- call: SELECT accountid, owner, balance FROM accounts WHERE accountid = 4
-- expect-rows:
-- 4|dee|10.00
-- because: the procedure inserted the row
CREATE PROCEDURE dbo.usp_open_account @owner nvarchar(40), @initial decimal(12,2), @id int OUTPUT
AS
BEGIN
    SET NOCOUNT ON
    INSERT INTO dbo.Accounts (Owner, Balance) VALUES (@owner, @initial)
    SET @id = SCOPE_IDENTITY()
END
GO
