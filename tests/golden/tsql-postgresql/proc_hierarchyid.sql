-- hierarchyid held as its ToString() path: the methods become text expressions
CREATE TABLE HR.Employee (
    EmployeeID int NOT NULL PRIMARY KEY,
    OrgNode hierarchyid NOT NULL,
    OrgLevel AS OrgNode.GetLevel(),
    JobTitle nvarchar(50) NOT NULL
);
GO

-- managers of an employee, up to the root (recursive CTE over GetAncestor)
CREATE PROCEDURE HR.GetManagers @EmployeeID int
AS
BEGIN
    SET NOCOUNT ON;
    WITH Chain (EmployeeID, OrgNode, Depth) AS (
        SELECT e.EmployeeID, e.OrgNode, 0 FROM HR.Employee e WHERE e.EmployeeID = @EmployeeID
        UNION ALL
        SELECT m.EmployeeID, m.OrgNode, c.Depth + 1
        FROM HR.Employee m INNER JOIN Chain c ON m.OrgNode = c.OrgNode.GetAncestor(1)
    )
    SELECT Chain.EmployeeID, Chain.OrgNode.ToString() AS Path, Chain.OrgNode.GetLevel() AS Lvl, Chain.Depth
    FROM Chain
    ORDER BY Chain.Depth;
END;
GO

-- employees below a manager, in tree order (hierarchyid order differs from text order)
CREATE PROCEDURE HR.GetTeam @Manager hierarchyid, @Levels int
AS
BEGIN
    SELECT e.EmployeeID, e.JobTitle
    FROM HR.Employee AS e
    WHERE e.OrgNode.IsDescendantOf(@Manager) = 1
      AND e.OrgNode.GetAncestor(@Levels) IS NOT NULL
      AND e.OrgNode > @Manager
    ORDER BY e.OrgNode;
END;
GO

-- GetDescendant has no exact text form: the routine is kept with its items
CREATE PROCEDURE HR.AddReport @Manager hierarchyid, @EmployeeID int, @Title nvarchar(50)
AS
BEGIN
    INSERT INTO HR.Employee (EmployeeID, OrgNode, JobTitle)
    SELECT @EmployeeID, m.OrgNode.GetDescendant(NULL, NULL), @Title
    FROM HR.Employee AS m WHERE m.OrgNode = @Manager;
END;
GO

-- static methods: the root and a parsed path
CREATE PROCEDURE HR.MoveUnder @EmployeeID int, @Path nvarchar(100)
AS
BEGIN
    UPDATE HR.Employee SET OrgNode = hierarchyid::Parse(@Path)
    WHERE EmployeeID = @EmployeeID AND OrgNode <> hierarchyid::GetRoot();
END;
GO
