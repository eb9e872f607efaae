CREATE TABLE a1 (x INT);
/* never closed
CREATE TABLE a2 (y INT);
