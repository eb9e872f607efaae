REM Oracle sequences, NUMBER precisions, DATE, CLOB, outer joins, DECODE
SET ECHO OFF
CREATE SEQUENCE dept_seq START WITH 10 INCREMENT BY 10 MAXVALUE 9999 NOCACHE NOCYCLE;

CREATE TABLE departments (
    department_id    NUMBER(4)        CONSTRAINT dept_id_pk PRIMARY KEY,
    department_name  VARCHAR2(30 CHAR) NOT NULL,
    budget           NUMBER(12,2),
    headcount        NUMBER(9),
    big_counter      NUMBER(18),
    ratio            NUMBER,
    created          DATE DEFAULT SYSDATE,
    description      CLOB
)
TABLESPACE users PCTFREE 10;

CREATE TABLE employees (
    employee_id   NUMBER(6) PRIMARY KEY,
    last_name     VARCHAR2(25) NOT NULL,
    department_id NUMBER(4) CONSTRAINT emp_dept_fk REFERENCES departments (department_id),
    salary        NUMBER(8,2) CHECK (salary > 0)
);

CREATE INDEX emp_name_ix ON employees (UPPER(last_name));

COMMENT ON TABLE departments IS 'Departments of the company';

CREATE OR REPLACE VIEW emp_details AS
SELECT e.employee_id, e.last_name, d.department_name,
       NVL(d.budget, 0) AS budget,
       DECODE(e.salary, NULL, 'none', 'some') AS has_salary
  FROM employees e, departments d
 WHERE e.department_id = d.department_id(+);
