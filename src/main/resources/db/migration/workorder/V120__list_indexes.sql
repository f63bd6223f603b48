-- Lists that stay fast as the table grows (issue 19). Each filter the pages and the API use gets
-- an index that either yields a page in the list's own order or lets the bounded count (up to
-- 10,001 matches) read the index alone, whatever the table's size:
--  * the grade filter, in the list's order;
--  * a technician's jobs by status (their open jobs page; ?assignee=&status=), which before read
--    one heap row per job of theirs to count them;
--  * a project's orders by status (the dispatcher's and manager's open orders; ?projectCode=&status=).
-- Not CONCURRENTLY: Flyway's transactional lock would make it wait for itself. On a table of
-- millions of orders an operator may build them beforehand with CREATE INDEX CONCURRENTLY under the
-- same names; IF NOT EXISTS then keeps them.
CREATE INDEX IF NOT EXISTS work_order_by_tenant_grade ON work_order (tenant_id, grade, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS work_order_by_assignee_status ON work_order (assignee_id, status, created_at DESC, id DESC)
    INCLUDE (tenant_id, project_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS work_order_by_project_status ON work_order (project_id, status, created_at DESC, id DESC)
    INCLUDE (tenant_id);
