-- behaviour: hierarchyid methods on the text path; table-valued parameters as arrays; BEGIN ATOMIC
CREATE TABLE dbo.Emp (
    Id int NOT NULL PRIMARY KEY,
    Node hierarchyid NOT NULL,
    Name nvarchar(20) NOT NULL,
    Lvl AS Node.GetLevel()
)
GO
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (1, '/', N'Ken');
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (2, '/1/', N'Terri');
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (3, '/2/', N'Roberto');
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (4, '/1/1/', N'Rob');
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (5, '/1/2/', N'Gail');
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (6, '/10/', N'Jossef');
INSERT INTO dbo.Emp (Id, Node, Name) VALUES (7, '/1/2/5/', N'Dylan');
GO
CREATE TABLE dbo.Orders (
    OrderID int IDENTITY(1,1) NOT NULL PRIMARY KEY,
    CustomerID int NOT NULL,
    Qty int NULL CHECK (Qty > 0)
)
GO
CREATE TYPE dbo.OrderList AS TABLE (
    CustomerID int NOT NULL,
    Qty int NULL
)
GO

-- expect-item: SS1008 at 4:10
-- expect-item: SS4191 at 23:1

-- routine: dbo.fn_tree
-- call: SELECT id, lvl FROM emp ORDER BY id
-- expect-rows:
-- 1|0
-- 2|1
-- 3|1
-- 4|2
-- 5|2
-- 6|1
-- 7|3
-- because: the computed column Lvl is Node.GetLevel(): the root is level 0
-- call: SELECT id, lvl, path, parent, grandparent, great FROM fn_tree() ORDER BY id
-- expect-rows:
-- 1|0|/|(null)|(null)|(null)
-- 2|1|/1/|1|(null)|(null)
-- 3|1|/2/|1|(null)|(null)
-- 4|2|/1/1/|2|1|(null)
-- 5|2|/1/2/|2|1|(null)
-- 6|1|/10/|1|(null)|(null)
-- 7|3|/1/2/5/|5|2|1
-- because: GetLevel() counts the steps from the root (the root is 0); ToString() gives
-- because: the canonical path; GetAncestor(n) is the node n levels up, NULL when n is
-- because: more than the node's level, so the joins on it find no row
CREATE FUNCTION dbo.fn_tree ()
RETURNS TABLE
AS
RETURN (
    SELECT e.Id, e.Node.GetLevel() AS Lvl, e.Node.ToString() AS Path, p.Id AS Parent, g.Id AS Grandparent, gg.Id AS Great
    FROM dbo.Emp AS e
        LEFT JOIN dbo.Emp AS p ON p.Node = e.Node.GetAncestor(1)
        LEFT JOIN dbo.Emp AS g ON g.Node = e.Node.GetAncestor(2)
        LEFT JOIN dbo.Emp AS gg ON gg.Node = e.Node.GetAncestor(3)
)
GO

-- routine: dbo.fn_team
-- call: SELECT id FROM fn_team('/1/') ORDER BY id
-- expect-rows:
-- 2
-- 4
-- 5
-- 7
-- because: IsDescendantOf is true for the node itself and every node below it;
-- because: /10/ is a sibling of /1/, not below it
-- call: SELECT count(*) FROM fn_team('/')
-- expect-rows:
-- 7
-- because: every node descends from the root
-- call: SELECT count(*) FROM fn_team(NULL)
-- expect-rows:
-- 0
-- because: IsDescendantOf(NULL) is NULL, which is not 1
-- expect-item: SS1008 at 85:36
CREATE FUNCTION dbo.fn_team (@boss hierarchyid)
RETURNS TABLE
AS
RETURN (SELECT e.Id FROM dbo.Emp AS e WHERE e.Node.IsDescendantOf(@boss) = 1)
GO

-- routine: dbo.fn_level_count
-- call: SELECT fn_level_count(2)
-- expect-rows:
-- 2
-- because: two nodes (/1/1/ and /1/2/) are two steps below the root
CREATE FUNCTION dbo.fn_level_count (@level int)
RETURNS int
AS
BEGIN
    RETURN (SELECT COUNT(*) FROM dbo.Emp WHERE Node.GetLevel() = @level);
END
GO

-- routine: dbo.fn_in_order
-- call: SELECT fn_in_order()
-- expect-rows:
-- Ken,Terri,Rob,Gail,Dylan,Roberto,Jossef
-- because: hierarchyid sorts depth-first, siblings by their numbers: /, /1/, /1/1/,
-- because: /1/2/, /1/2/5/, /2/, /10/
-- flagged: SS2040 at 115:65
CREATE FUNCTION dbo.fn_in_order ()
RETURNS nvarchar(200)
AS
BEGIN
    RETURN (SELECT STRING_AGG(Name, ',') WITHIN GROUP (ORDER BY Node) FROM dbo.Emp);
END
GO

-- routine: dbo.AddOrders
-- call: CALL addorders(ARRAY[ROW(10, 3)::orderlist, ROW(11, 1)::orderlist, ROW(10, 4)::orderlist]);
--   SELECT customerid, qty FROM orders ORDER BY orderid
-- expect-rows:
-- 11|1
-- 10|3
-- 10|4
-- because: the procedure inserts every row of the table-valued parameter; INSERT ... SELECT
-- because: ... ORDER BY gives the identity values in that order
-- expect-item: SS4192 at 129:32
CREATE PROCEDURE dbo.AddOrders @Orders dbo.OrderList READONLY
AS
BEGIN
    INSERT INTO dbo.Orders (CustomerID, Qty)
    SELECT o.CustomerID, o.Qty FROM @Orders AS o ORDER BY o.Qty;
END
GO

-- routine: dbo.fn_big_orders
-- call: SELECT fn_big_orders(ARRAY[ROW(1, 3)::orderlist, ROW(2, NULL)::orderlist, ROW(3, 4)::orderlist])
-- expect-rows:
-- 2
-- because: two rows of the parameter have a quantity above 2 (NULL is not)
-- call: SELECT fn_big_orders(ARRAY[]::orderlist[])
-- expect-rows:
-- 0
-- because: an empty table-valued parameter has no rows
-- expect-item: SS4192 at 147:36
CREATE FUNCTION dbo.fn_big_orders (@Orders dbo.OrderList READONLY)
RETURNS int
AS
BEGIN
    RETURN (SELECT COUNT(*) FROM @Orders WHERE Qty > 2);
END
GO

-- routine: dbo.AddLinesNative
-- call: CALL addlinesnative(ARRAY[ROW(20, 1)::linelist, ROW(21, 2)::linelist]);
--   SELECT customerid, qty FROM orders WHERE customerid >= 20 ORDER BY orderid
-- expect-rows:
-- 20|1
-- 21|2
-- because: the natively compiled procedure inserts every row of the parameter
-- call: CALL addlinesnative(ARRAY[ROW(30, 1)::linelist, ROW(31, 0)::linelist])
-- expect-error: 23514 new row for relation "orders" violates check constraint "orders_qty_check"
-- because: Qty 0 breaks CHECK (Qty > 0) (T-SQL error 547)
-- call: SELECT count(*) FROM orders WHERE customerid >= 30
-- expect-rows:
-- 0
-- because: BEGIN ATOMIC: the failed call undid all its changes, the row for 30 too
-- expect-item: SS4192 at 171:37
-- expect-item: SS4196 at 171:37
CREATE PROCEDURE dbo.AddLinesNative @Lines dbo.LineList READONLY
WITH NATIVE_COMPILATION, SCHEMABINDING
AS BEGIN ATOMIC WITH (TRANSACTION ISOLATION LEVEL = SNAPSHOT, LANGUAGE = N'us_english')
    INSERT dbo.Orders (CustomerID, Qty)
    SELECT l.CustomerID, l.Qty FROM @Lines AS l;
END
GO

-- routine: dbo.fn_root_children
-- call: SELECT fn_root_children()
-- expect-rows:
-- 3
-- because: /1/, /2/ and /10/ have the root (hierarchyid::GetRoot(), /) as their parent
-- call: SELECT fn_root_children('/1/')
-- expect-rows:
-- 2
-- because: hierarchyid::Parse('/1/') is the node /1/, whose children are /1/1/ and /1/2/
-- expect-item: SS1008 at 193:21
CREATE FUNCTION dbo.fn_root_children (@under nvarchar(20) = NULL)
RETURNS int
AS
BEGIN
    DECLARE @parent hierarchyid = ISNULL(hierarchyid::Parse(@under), hierarchyid::GetRoot());
    RETURN (SELECT COUNT(*) FROM dbo.Emp WHERE Node.GetAncestor(1) = @parent);
END
GO

-- routine: dbo.AddTwoOrders
-- call: CALL addtwoorders(40); SELECT customerid, qty FROM orders WHERE customerid >= 40 ORDER BY orderid
-- expect-rows:
-- 40|5
-- 41|6
-- because: the caller fills a table variable of the table type and passes it to AddOrders,
-- because: which inserts its rows in Qty order
-- call: CALL addtwoorders(50); CALL addtwoorders(60); SELECT count(*) FROM orders WHERE customerid >= 50
-- expect-rows:
-- 4
-- because: each call starts with an empty table variable: two rows per call
CREATE PROCEDURE dbo.AddTwoOrders @first int
AS
BEGIN
    DECLARE @o dbo.OrderList;
    INSERT INTO @o (CustomerID, Qty) VALUES (@first, 5), (@first + 1, 6);
    EXEC dbo.AddOrders @Orders = @o;
END
GO
