-- MySQL sorts NULLs as the lowest values; PostgreSQL as the highest.
CREATE TABLE tasks (
    task_id INT NOT NULL PRIMARY KEY,
    title VARCHAR(20) NOT NULL,
    due_day INT NULL
);
CREATE VIEW tasks_by_due AS
    SELECT task_id, title, due_day,
           ROW_NUMBER() OVER (ORDER BY due_day DESC, task_id) AS pos,
           (SELECT GROUP_CONCAT(t2.title ORDER BY t2.due_day SEPARATOR ', ') FROM tasks t2) AS all_titles
    FROM tasks
    ORDER BY due_day, title;
