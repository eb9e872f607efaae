-- behaviour: pubs procedures (byroyalty, reptq1, reptq2, reptq3)
-- The procedures are copied from tests/corpus/tsql/pubs_instpubs.sql; the
-- tables are a reduced copy with a few titles (titles.type is varchar(12)
-- here, not char(12), so that rows carry no blank padding).
CREATE TABLE titleauthor (
    au_id varchar(11) NOT NULL,
    title_id varchar(6) NOT NULL,
    royaltyper int NULL,
    PRIMARY KEY (au_id, title_id)
)
GO
CREATE TABLE titles (
    title_id varchar(6) NOT NULL PRIMARY KEY,
    type varchar(12) NOT NULL DEFAULT ('UNDECIDED'),
    pub_id char(4) NULL,
    price money NULL,
    ytd_sales int NULL
)
GO
INSERT INTO titleauthor VALUES ('172-32-1176', 'PS3333', 100);
INSERT INTO titleauthor VALUES ('213-46-8915', 'BU1032', 40);
INSERT INTO titleauthor VALUES ('409-56-7008', 'BU1032', 60);
INSERT INTO titleauthor VALUES ('213-46-8915', 'BU2075', 100);
INSERT INTO titleauthor VALUES ('722-51-5454', 'MC3021', 75);
INSERT INTO titleauthor VALUES ('899-46-2035', 'MC3021', 25);
INSERT INTO titleauthor VALUES ('267-41-2394', 'TC7777', 40);
INSERT INTO titles VALUES ('BU1032', 'business', '1389', 19.99, 4095);
INSERT INTO titles VALUES ('BU2075', 'business', '1389', 11.95, 3876);
INSERT INTO titles VALUES ('MC2222', 'mod_cook', '0877', 19.99, 2032);
INSERT INTO titles VALUES ('MC3021', 'mod_cook', '0877', 2.99, 22246);
INSERT INTO titles VALUES ('MC3026', 'UNDECIDED', '0877', NULL, NULL);
INSERT INTO titles VALUES ('PS3333', 'psychology', '0736', 7.00, 375);
GO

-- routine: byroyalty
-- expect-item: SS4135 at 42:1
-- call: SELECT * FROM byroyalty(40) ORDER BY 1
-- expect-rows:
-- 213-46-8915
-- 267-41-2394
-- because: the authors whose royalty share on a title is 40
CREATE PROCEDURE byroyalty @percentage int
AS
select au_id from titleauthor
where titleauthor.royaltyper = @percentage

GO

-- routine: reptq1
-- expect-item: SS4135 at 60:1
-- expect-item: SS2034 at 62:2
-- call: SELECT * FROM reptq1()
-- expect-rows:
-- 0736|7.00
-- 0877|11.49
-- 1389|15.97
-- ALL|12.384
-- because: WITH ROLLUP adds the grand total row, where GROUPING(pub_id) = 1; AVG(money) is money: (2.99 + 19.99) / 2, (19.99 + 11.95) / 2, 61.92 / 5 (MC3026 has no price)
-- because: ORDER BY pub_id sorts by the output column: '0736' < '0877' < '1389' < 'ALL'
CREATE PROCEDURE reptq1 AS
select
	case when grouping(pub_id) = 1 then 'ALL' else pub_id end as pub_id,
	avg(price) as avg_price
from titles
where price is NOT NULL
group by pub_id with rollup
order by pub_id

GO

-- routine: reptq2
-- expect-item: SS4135 at 86:1
-- expect-item: SS2034 at 89:2
-- call: SELECT * FROM reptq2() ORDER BY 2, 1
-- expect-rows:
-- ALL|0736|375
-- psychology|0736|375
-- ALL|0877|12139
-- UNDECIDED|0877|(null)
-- mod_cook|0877|12139
-- ALL|1389|3985
-- business|1389|3985
-- ALL|ALL|6524
-- because: AVG of an int column is an int in T-SQL (the fraction is cut): (4095 + 3876) / 2 = 3985, 32624 / 5 = 6524; AVG of only NULLs is NULL
-- because: ROLLUP (pub_id, type) gives the (pub_id, type) groups, one subtotal per pub_id and the grand total
CREATE PROCEDURE reptq2 AS
select
	case when grouping(type) = 1 then 'ALL' else type end as type,
	case when grouping(pub_id) = 1 then 'ALL' else pub_id end as pub_id,
	avg(ytd_sales) as avg_ytd_sales
from titles
where pub_id is NOT NULL
group by pub_id, type with rollup

GO

-- routine: reptq3
-- expect-item: SS4135 at 108:1
-- expect-item: SS2034 at 112:2
-- call: SELECT * FROM reptq3(5, 15, 'business') ORDER BY 1, 2
-- expect-rows:
-- 0877|ALL|2
-- 0877|mod_cook|2
-- 1389|ALL|1
-- 1389|business|1
-- ALL|ALL|3
-- because: AND binds tighter than OR: business titles priced between 5 and 15 (BU2075), or any title whose type contains 'cook' (MC2222, MC3021)
CREATE PROCEDURE reptq3 @lolimit money, @hilimit money,
@type char(12)
AS
select
	case when grouping(pub_id) = 1 then 'ALL' else pub_id end as pub_id,
	case when grouping(type) = 1 then 'ALL' else type end as type,
	count(title_id) as cnt
from titles
where price >@lolimit AND price <@hilimit AND type = @type OR type LIKE '%cook%'
group by pub_id, type with rollup

GO
