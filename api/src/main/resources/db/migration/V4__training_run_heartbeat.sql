-- Which process runs a training run, and when it last said so. A process that stops cleanly fails its own unfinished
-- runs; one that dies leaves them to go stale, and any process then fails them. Before, every start failed all
-- unfinished runs, including those of a trainer or replica still running.
ALTER TABLE training_run ADD COLUMN owner TEXT;
ALTER TABLE training_run ADD COLUMN heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now();
