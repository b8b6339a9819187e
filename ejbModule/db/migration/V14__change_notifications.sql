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

CREATE TRIGGER distribution_mirror_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON distribution_mirror
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('mirrors');
CREATE TRIGGER mirror_distro_arch_release_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_distro_arch_release
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('mirrors');
CREATE TRIGGER mirror_distro_release_source_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_distro_release_source
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('mirrors');
CREATE TRIGGER mirror_cd_image_distro_release_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mirror_cd_image_distro_release
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('mirrors');
CREATE TRIGGER maintenance_window_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON maintenance_window
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('mirrors');

CREATE TRIGGER country_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON country
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('reference');
CREATE TRIGGER distribution_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON distribution
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('reference');
CREATE TRIGGER component_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON component
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('reference');
CREATE TRIGGER distro_release_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON distro_release
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('reference');
CREATE TRIGGER distro_release_component_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON distro_release_component
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('reference');
CREATE TRIGGER distro_arch_release_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON distro_arch_release
    FOR EACH STATEMENT EXECUTE FUNCTION mirrorwatch_tell_change('reference');
