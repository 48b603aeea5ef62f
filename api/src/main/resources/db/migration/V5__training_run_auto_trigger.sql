-- Automatic retraining (enough new feedback since the last run) starts runs of its own trigger.
ALTER TABLE training_run DROP CONSTRAINT training_run_trigger_check;
ALTER TABLE training_run ADD CONSTRAINT training_run_trigger_check
    CHECK (trigger IN ('schedule', 'api', 'cli', 'auto'));
