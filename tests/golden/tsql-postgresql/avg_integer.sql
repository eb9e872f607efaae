-- T-SQL AVG over an integer column is an integer: the fraction is cut
CREATE TABLE titles (title_id varchar(6) NOT NULL, pub_id char(4) NULL, ytd_sales int NULL,
                     big_sales bigint NULL, price money NULL);
GO
CREATE VIEW sales_avg AS
SELECT pub_id, AVG(ytd_sales) AS avg_sales, AVG(big_sales) AS avg_big, AVG(price) AS avg_price,
       AVG(DISTINCT ytd_sales) AS avg_distinct
FROM titles
GROUP BY pub_id;
GO
