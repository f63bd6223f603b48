-- Lists that stay fast as the table grows (issue 19): the grade filter gets an index in the
-- list's own order, so a page of L1 orders reads one index range instead of filtering the
-- tenant's newest orders. Not CONCURRENTLY: Flyway's transactional lock would make it wait
-- for itself. On a table of millions of orders an operator may build it beforehand with
-- CREATE INDEX CONCURRENTLY under the same name; IF NOT EXISTS then keeps it.
CREATE INDEX IF NOT EXISTS work_order_by_tenant_grade ON work_order (tenant_id, grade, created_at DESC, id DESC);
