-- Oracle sorts NULLs as the highest values (last ascending, first
-- descending); MySQL as the lowest. MySQL has no NULLS FIRST / LAST.
CREATE TABLE tasks (
    task_id NUMBER(9) PRIMARY KEY,
    title VARCHAR2(20) NOT NULL,
    due_day NUMBER(4)
);
CREATE VIEW tasks_by_due AS
    SELECT task_id, title, due_day,
           RANK() OVER (ORDER BY due_day DESC) AS urgency
    FROM tasks
    ORDER BY due_day, task_id;
CREATE VIEW tasks_nulls_first AS
    SELECT title FROM tasks ORDER BY due_day NULLS FIRST, title;
CREATE VIEW tasks_by_position AS
    SELECT title, due_day FROM tasks ORDER BY 2;
