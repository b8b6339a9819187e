package org.mirrorwatch.reference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An ISO 3166 country. The list is reference data, loaded by a migration and never edited. */
@Entity
@Table(name = "country")
@NamedQuery(name = "Country.findByIsoCode", query = "SELECT c FROM Country c WHERE c.isoCode = :isoCode")
public class Country {

    @Id
    private Long id;

    @Column(name = "iso_code", nullable = false, unique = true, length = 2)
    private String isoCode;

    @Column(name = "iso_code3", nullable = false, length = 3)
    private String isoCode3;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Continent continent;

    protected Country() {
    }

    public Country(String isoCode, String isoCode3, String name, Continent continent) {
        this.isoCode = isoCode;
        this.isoCode3 = isoCode3;
        this.name = name;
        this.continent = continent;
    }

    public Long getId() {
        return id;
    }

    /** The two-letter code, e.g. "BR". */
    public String getIsoCode() {
        return isoCode;
    }

    public String getIsoCode3() {
        return isoCode3;
    }

    public String getName() {
        return name;
    }

    public Continent getContinent() {
        return continent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Country country && isoCode.equals(country.isoCode);
    }

    @Override
    public int hashCode() {
        return isoCode.hashCode();
    }

    @Override
    public String toString() {
        return isoCode;
    }
}
