-- Analytics (issue 15): the roll-ups summed by month as well, so a KPI table over a year or
-- two adds up a row per month (and the ragged days at its ends) instead of one per day.
-- Kept by the same differences as the daily rows; here filled once from them.
CREATE TABLE analytics_rollup_month (LIKE analytics_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);

INSERT INTO analytics_rollup_month (project_id, dimension, day, value, tenant_id, orders, cancelled, completed,
    response_n, response_sum, arrival_n, arrival_sum, completion_n, completion_sum, work_n, work_sum,
    respond_met, respond_missed, arrive_met, arrive_missed, complete_met, complete_missed, kept, breached,
    cause_dispatch, cause_travel, cause_waiting, cause_emergency, cause_repair, rework, reworked, first_fix,
    rated, rating_sum, rated_good, followed_up, satisfied, paid_fen, approved_fen, probable_rework,
    complaints,
    response_hist, arrival_hist, completion_hist)
SELECT project_id, dimension, CAST(date_trunc('month', day) AS DATE), value, min(tenant_id),
    sum(orders), sum(cancelled), sum(completed), sum(response_n), sum(response_sum), sum(arrival_n),
    sum(arrival_sum), sum(completion_n), sum(completion_sum), sum(work_n), sum(work_sum), sum(respond_met),
    sum(respond_missed), sum(arrive_met), sum(arrive_missed), sum(complete_met), sum(complete_missed),
    sum(kept), sum(breached), sum(cause_dispatch), sum(cause_travel), sum(cause_waiting), sum(cause_emergency),
    sum(cause_repair), sum(rework), sum(reworked), sum(first_fix), sum(rated), sum(rating_sum),
    sum(rated_good), sum(followed_up), sum(satisfied), sum(paid_fen), sum(approved_fen), sum(probable_rework),
    sum(complaints),
    analytics_sum(response_hist), analytics_sum(arrival_hist), analytics_sum(completion_hist)
FROM analytics_rollup
GROUP BY project_id, dimension, CAST(date_trunc('month', day) AS DATE), value;
