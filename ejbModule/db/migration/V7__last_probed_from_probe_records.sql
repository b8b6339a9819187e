-- When a mirror was last probed has one source: its newest probe record (as in Launchpad, where deleting
-- a probe record makes the mirror due again). The copy kept on the mirror could disagree with it.
ALTER TABLE distribution_mirror DROP COLUMN last_probed;
