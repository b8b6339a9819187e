#!/usr/bin/env python3
"""Writes forwarded-for.lua: 1,000 IPv4 and 200 IPv6 client addresses, one random address from each of
ranges drawn with a fixed seed from the AS data the build bundles (target/classes/geoip/asn-ipv*.csv)."""
import csv
import ipaddress
import random

random.seed(14)


def draw(path, count, kind):
    rows = list(csv.reader(open(path)))
    addresses = []
    for row in random.sample(rows, count):
        first, last = int(kind(row[0])), int(kind(row[1]))
        addresses.append(str(kind(random.randint(first, last))))
    return addresses


addresses = draw('target/classes/geoip/asn-ipv4.csv', 1000, ipaddress.IPv4Address)
addresses += draw('target/classes/geoip/asn-ipv6.csv', 200, ipaddress.IPv6Address)
random.shuffle(addresses)
with open('bench/wrk/forwarded-for.lua', 'w') as out:
    out.write("-- wrk script: every request names another client in X-Forwarded-For, from 1,200 public addresses\n")
    out.write("-- (1,000 IPv4, 200 IPv6) drawn with a fixed seed from the bundled AS ranges, so the clients spread\n")
    out.write("-- over most of the world's countries and networks. The server must trust the benchmark's address\n")
    out.write("-- (mirrorwatch.client.trusted-proxies). Made by bench/wrk/make-forwarded-for.py.\n")
    out.write("local addresses = {\n")
    for i in range(0, len(addresses), 6):
        out.write("  " + ", ".join('"%s"' % a for a in addresses[i:i + 6]) + ",\n")
    out.write("}\nlocal next = 0\n\nrequest = function()\n  next = next % #addresses + 1\n"
              "  return wrk.format(nil, nil, { [\"X-Forwarded-For\"] = addresses[next] })\nend\n")
