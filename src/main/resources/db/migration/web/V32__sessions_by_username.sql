-- Page sessions are now indexed by the username (so that revoking a person's access deletes their
-- sessions); sessions written before carried another principal name, so they end here once.
DELETE FROM spring_session;
