-- Loaded after access-world.sql and api-world.sql for the content matrix (ConsoleMatrixBrowserIT): bob-de
-- carries noble in seven architectures, three components and four pockets, with sources. Most of it is up to
-- date; noble-proposed's packages are a week behind, universe a day in noble-updates, main's sources two
-- days there, and a few single cells lag each their own way, so the summary has more lines than it shows.
INSERT INTO component (name) VALUES ('restricted'), ('universe');
INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official)
SELECT 1, tag, true FROM unnest(ARRAY['arm64', 'armhf', 'i386', 'ppc64el', 'riscv64', 's390x']) AS tag;

INSERT INTO mirror_distro_arch_release (distribution_mirror_id, distro_arch_release_id, pocket, component_id, freshness)
SELECT m.id, a.id, p.pocket, c.id,
       CASE WHEN p.pocket = 'PROPOSED' THEN 'ONEWEEKBEHIND'
            WHEN p.pocket = 'UPDATES' AND c.name = 'universe' THEN 'ONEDAYBEHIND'
            WHEN p.pocket = 'SECURITY' AND a.architecture_tag = 'armhf' THEN 'SIXHOURSBEHIND'
            WHEN p.pocket = 'SECURITY' AND a.architecture_tag IN ('i386', 'riscv64') THEN 'TWOHOURSBEHIND'
            WHEN p.pocket = 'RELEASE' AND a.architecture_tag = 's390x' THEN 'UNKNOWN'
            WHEN p.pocket = 'RELEASE' AND a.architecture_tag = 'ppc64el' THEN 'ONEHOURBEHIND'
            ELSE 'UP' END
FROM distribution_mirror m, distro_arch_release a, component c,
     (VALUES ('RELEASE'), ('UPDATES'), ('SECURITY'), ('PROPOSED')) AS p (pocket)
WHERE m.name = 'bob-de' AND a.distro_release_id = 1;

INSERT INTO mirror_distro_release_source (distribution_mirror_id, distro_release_id, pocket, component_id, freshness)
SELECT m.id, 1, p.pocket, c.id, CASE WHEN p.pocket = 'UPDATES' AND c.name = 'main' THEN 'TWODAYSBEHIND' ELSE 'UP' END
FROM distribution_mirror m, component c, (VALUES ('RELEASE'), ('UPDATES'), ('SECURITY'), ('PROPOSED')) AS p (pocket)
WHERE m.name = 'bob-de';
