-- Several instances share one database, and each keeps copies in memory (the routing snapshot, the
-- reference catalog). Each statement that changes what those copies are made of tells every instance
-- through NOTIFY, which PostgreSQL delivers when the transaction commits and never for a rolled-back one;
-- a change made in SQL by hand is told in the same way. The payload names the copy that is out of date:
-- 'mirrors' (what decides where clients are sent) or 'reference' (distributions, series, components,
-- countries). PostgreSQL folds the same payload told twice in one transaction into one notification.
CREATE FUNCTION mirrorwatch_tell_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mirrorwatch_changes', TG_ARGV[0]);
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    watched text[][] := ARRAY[
        ['distribution_mirror', 'mirrors'], ['mirror_distro_arch_release', 'mirrors'],
        ['mirror_distro_release_source', 'mirrors'], ['mirror_cd_image_distro_release', 'mirrors'],
        ['maintenance_window', 'mirrors'], ['suite_inconsistency', 'mirrors'],
        ['country', 'reference'], ['distribution', 'reference'], ['component', 'reference'],
        ['distro_release', 'reference'], ['distro_release_component', 'reference'],
        ['distro_arch_release', 'reference']];
BEGIN
    FOR i IN 1 .. array_length(watched, 1) LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change(%L)',
                       watched[i][1] || '_changed', watched[i][1], watched[i][2]);
    END LOOP;
END;
$$;
